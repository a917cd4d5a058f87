(module
  (import "env" "memory" (memory 1))
  ;; dot of n f64 at byte offsets a and b: lanes (s0,s1) and (s2,s3) as dotAt's four sums, tail into s0
  (func $dot (export "dot") (param $a i32) (param $b i32) (param $dim i32) (result f64)
    (local $acc01 v128) (local $acc23 v128) (local $j i32) (local $end i32) (local $s0 f64)
    (local.set $acc01 (f64x2.splat (f64.const 0)))
    (local.set $acc23 (f64x2.splat (f64.const 0)))
    (local.set $end (i32.and (local.get $dim) (i32.const -4)))
    (block $done
      (loop $l
        (br_if $done (i32.ge_u (local.get $j) (local.get $end)))
        (local.set $acc01 (f64x2.add (local.get $acc01)
          (f64x2.mul (v128.load (i32.add (local.get $a) (i32.shl (local.get $j) (i32.const 3))))
                     (v128.load (i32.add (local.get $b) (i32.shl (local.get $j) (i32.const 3)))))))
        (local.set $acc23 (f64x2.add (local.get $acc23)
          (f64x2.mul (v128.load offset=16 (i32.add (local.get $a) (i32.shl (local.get $j) (i32.const 3))))
                     (v128.load offset=16 (i32.add (local.get $b) (i32.shl (local.get $j) (i32.const 3)))))))
        (local.set $j (i32.add (local.get $j) (i32.const 4)))
        (br $l)))
    (local.set $s0 (f64x2.extract_lane 0 (local.get $acc01)))
    (block $tdone
      (loop $t
        (br_if $tdone (i32.ge_u (local.get $j) (local.get $dim)))
        (local.set $s0 (f64.add (local.get $s0)
          (f64.mul (f64.load (i32.add (local.get $a) (i32.shl (local.get $j) (i32.const 3))))
                   (f64.load (i32.add (local.get $b) (i32.shl (local.get $j) (i32.const 3)))))))
        (local.set $j (i32.add (local.get $j) (i32.const 1)))
        (br $t)))
    (f64.add
      (f64.add (local.get $s0) (f64x2.extract_lane 1 (local.get $acc01)))
      (f64.add (f64x2.extract_lane 0 (local.get $acc23)) (f64x2.extract_lane 1 (local.get $acc23)))))
  ;; c −= d·q over n f64, then next · c (the new c), the sums as dot's: subtractAndDot of truncated-svd.ts
  (func (export "subtractAndDot") (param $c i32) (param $q i32) (param $d f64) (param $next i32) (param $n i32) (result f64)
    (local $acc01 v128) (local $acc23 v128) (local $dd v128) (local $j i32) (local $end i32) (local $s0 f64)
    (local $pc i32) (local $v01 v128) (local $v23 v128) (local $x f64)
    (local.set $dd (f64x2.splat (local.get $d)))
    (local.set $acc01 (f64x2.splat (f64.const 0)))
    (local.set $acc23 (f64x2.splat (f64.const 0)))
    (local.set $end (i32.and (local.get $n) (i32.const -4)))
    (block $done
      (loop $l
        (br_if $done (i32.ge_u (local.get $j) (local.get $end)))
        (local.set $pc (i32.add (local.get $c) (i32.shl (local.get $j) (i32.const 3))))
        (local.set $v01 (f64x2.sub (v128.load (local.get $pc))
          (f64x2.mul (local.get $dd) (v128.load (i32.add (local.get $q) (i32.shl (local.get $j) (i32.const 3)))))))
        (local.set $v23 (f64x2.sub (v128.load offset=16 (local.get $pc))
          (f64x2.mul (local.get $dd) (v128.load offset=16 (i32.add (local.get $q) (i32.shl (local.get $j) (i32.const 3)))))))
        (v128.store (local.get $pc) (local.get $v01))
        (v128.store offset=16 (local.get $pc) (local.get $v23))
        (local.set $acc01 (f64x2.add (local.get $acc01)
          (f64x2.mul (v128.load (i32.add (local.get $next) (i32.shl (local.get $j) (i32.const 3)))) (local.get $v01))))
        (local.set $acc23 (f64x2.add (local.get $acc23)
          (f64x2.mul (v128.load offset=16 (i32.add (local.get $next) (i32.shl (local.get $j) (i32.const 3)))) (local.get $v23))))
        (local.set $j (i32.add (local.get $j) (i32.const 4)))
        (br $l)))
    (local.set $s0 (f64x2.extract_lane 0 (local.get $acc01)))
    (block $tdone
      (loop $t
        (br_if $tdone (i32.ge_u (local.get $j) (local.get $n)))
        (local.set $pc (i32.add (local.get $c) (i32.shl (local.get $j) (i32.const 3))))
        (local.set $x (f64.sub (f64.load (local.get $pc))
          (f64.mul (local.get $d) (f64.load (i32.add (local.get $q) (i32.shl (local.get $j) (i32.const 3)))))))
        (f64.store (local.get $pc) (local.get $x))
        (local.set $s0 (f64.add (local.get $s0)
          (f64.mul (f64.load (i32.add (local.get $next) (i32.shl (local.get $j) (i32.const 3)))) (local.get $x))))
        (local.set $j (i32.add (local.get $j) (i32.const 1)))
        (br $t)))
    (f64.add
      (f64.add (local.get $s0) (f64x2.extract_lane 1 (local.get $acc01)))
      (f64.add (f64x2.extract_lane 0 (local.get $acc23)) (f64x2.extract_lane 1 (local.get $acc23)))))
  ;; centres[assign[i]] += row i, for rows i < n of dim f64 at byte offset rows (assign: n i32 at its offset),
  ;; in f64x2 lanes: each entry sums the rows in order, as one at a time (spherical-kmeans.ts addRow)
  (func (export "addRows") (param $rows i32) (param $n i32) (param $dim i32) (param $assign i32) (param $centres i32)
    (local $i i32) (local $j i32) (local $r i32) (local $c i32) (local $end i32) (local $rowBytes i32) (local $p i32)
    (local.set $rowBytes (i32.shl (local.get $dim) (i32.const 3)))
    (local.set $end (i32.and (local.get $dim) (i32.const -2)))
    (block $rdone
      (loop $rl
        (br_if $rdone (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $r (i32.add (local.get $rows) (i32.mul (local.get $i) (local.get $rowBytes))))
        (local.set $c (i32.add (local.get $centres)
          (i32.mul (i32.load (i32.add (local.get $assign) (i32.shl (local.get $i) (i32.const 2)))) (local.get $rowBytes))))
        (local.set $j (i32.const 0))
        (block $done
          (loop $l
            (br_if $done (i32.ge_u (local.get $j) (local.get $end)))
            (local.set $p (i32.add (local.get $c) (i32.shl (local.get $j) (i32.const 3))))
            (v128.store (local.get $p) (f64x2.add (v128.load (local.get $p))
              (v128.load (i32.add (local.get $r) (i32.shl (local.get $j) (i32.const 3))))))
            (local.set $j (i32.add (local.get $j) (i32.const 2)))
            (br $l)))
        (if (i32.lt_u (local.get $j) (local.get $dim))
          (then
            (local.set $p (i32.add (local.get $c) (i32.shl (local.get $j) (i32.const 3))))
            (f64.store (local.get $p) (f64.add (f64.load (local.get $p))
              (f64.load (i32.add (local.get $r) (i32.shl (local.get $j) (i32.const 3))))))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $rl))))
  ;; one round of assignments with Elkan's bounds: spherical-kmeans.ts assignRound, the same tests
  ;; and the same cosines in the same order (its chord written out: √max(0, 2 − 2s)). Rows at
  ;; byte 0 (dim f64 each); f64 arrays upper (n), lower (n·k), moved (k), alone (k), apart (k·k);
  ;; i32 arrays assign and unit (n). Returns the number of rows whose centre changed.
  (func (export "assignRound") (param $n i32) (param $k i32) (param $dim i32) (param $centres i32) (param $bounded i32)
    (param $assign i32) (param $unit i32) (param $upper i32) (param $lower i32) (param $moved i32) (param $alone i32) (param $apart i32)
    (result i32)
    (local $i i32) (local $c i32) (local $best i32) (local $changed i32) (local $rowBytes i32) (local $r i32)
    (local $lrow i32) (local $have i32) (local $bestSim f64) (local $s f64) (local $u f64) (local $pu i32) (local $pl i32)
    (local.set $rowBytes (i32.shl (local.get $dim) (i32.const 3)))
    (block $rows_done
      (loop $rows
        (br_if $rows_done (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $r (i32.mul (local.get $i) (local.get $rowBytes)))
        (local.set $lrow (i32.add (local.get $lower) (i32.shl (i32.mul (local.get $i) (local.get $k)) (i32.const 3))))
        (local.set $pu (i32.add (local.get $upper) (i32.shl (local.get $i) (i32.const 3))))
        (local.set $best (i32.load (i32.add (local.get $assign) (i32.shl (local.get $i) (i32.const 2)))))
        (block $row_done
          (if (i32.and (i32.ne (local.get $bounded) (i32.const 0))
                       (i32.ne (i32.load (i32.add (local.get $unit) (i32.shl (local.get $i) (i32.const 2)))) (i32.const 0)))
            (then
              ;; upper += moved[best]; lower[c] = max(0, lower[c] − moved[c])
              (f64.store (local.get $pu) (f64.add (f64.load (local.get $pu))
                (f64.load (i32.add (local.get $moved) (i32.shl (local.get $best) (i32.const 3))))))
              (local.set $c (i32.const 0))
              (block $decay_done
                (loop $decay
                  (br_if $decay_done (i32.ge_u (local.get $c) (local.get $k)))
                  (local.set $pl (i32.add (local.get $lrow) (i32.shl (local.get $c) (i32.const 3))))
                  (f64.store (local.get $pl) (f64.max (f64.const 0) (f64.sub (f64.load (local.get $pl))
                    (f64.load (i32.add (local.get $moved) (i32.shl (local.get $c) (i32.const 3)))))))
                  (local.set $c (i32.add (local.get $c) (i32.const 1)))
                  (br $decay)))
              ;; nearer to its own centre than half the way to any other: stays
              (br_if $row_done (f64.lt (f64.add (f64.load (local.get $pu)) (f64.const 1e-9))
                (f64.load (i32.add (local.get $alone) (i32.shl (local.get $best) (i32.const 3))))))
              (local.set $have (i32.const 0))
              (local.set $c (i32.const 0))
              (block $cs_done
                (loop $cs
                  (br_if $cs_done (i32.ge_u (local.get $c) (local.get $k)))
                  (block $next
                    (br_if $next (i32.eq (local.get $c) (local.get $best)))
                    (local.set $u (f64.add (f64.load (local.get $pu)) (f64.const 1e-9)))
                    (br_if $next (f64.lt (local.get $u) (f64.load (i32.add (local.get $lrow) (i32.shl (local.get $c) (i32.const 3))))))
                    (br_if $next (f64.lt (local.get $u) (f64.load (i32.add (local.get $apart)
                      (i32.shl (i32.add (i32.mul (local.get $best) (local.get $k)) (local.get $c)) (i32.const 3))))))
                    (if (i32.eqz (local.get $have))
                      (then
                        (local.set $have (i32.const 1))
                        (local.set $bestSim (call $dot (local.get $r) (i32.add (local.get $centres) (i32.mul (local.get $best) (local.get $rowBytes))) (local.get $dim)))
                        (f64.store (i32.add (local.get $lrow) (i32.shl (local.get $best) (i32.const 3))) (f64.sqrt (f64.max (f64.const 0) (f64.sub (f64.const 2) (f64.mul (f64.const 2) (local.get $bestSim))))))
                        (f64.store (local.get $pu) (f64.load (i32.add (local.get $lrow) (i32.shl (local.get $best) (i32.const 3)))))
                        (local.set $u (f64.add (f64.load (local.get $pu)) (f64.const 1e-9)))
                        (br_if $next (f64.lt (local.get $u) (f64.load (i32.add (local.get $lrow) (i32.shl (local.get $c) (i32.const 3))))))
                        (br_if $next (f64.lt (local.get $u) (f64.load (i32.add (local.get $apart)
                          (i32.shl (i32.add (i32.mul (local.get $best) (local.get $k)) (local.get $c)) (i32.const 3))))))))
                    (local.set $s (call $dot (local.get $r) (i32.add (local.get $centres) (i32.mul (local.get $c) (local.get $rowBytes))) (local.get $dim)))
                    (f64.store (i32.add (local.get $lrow) (i32.shl (local.get $c) (i32.const 3))) (f64.sqrt (f64.max (f64.const 0) (f64.sub (f64.const 2) (f64.mul (f64.const 2) (local.get $s))))))
                    (if (i32.or (f64.gt (local.get $s) (local.get $bestSim))
                                (i32.and (f64.eq (local.get $s) (local.get $bestSim)) (i32.lt_u (local.get $c) (local.get $best))))
                      (then
                        (local.set $bestSim (local.get $s))
                        (local.set $best (local.get $c))
                        (f64.store (local.get $pu) (f64.load (i32.add (local.get $lrow) (i32.shl (local.get $c) (i32.const 3))))))))
                  (local.set $c (i32.add (local.get $c) (i32.const 1)))
                  (br $cs))))
            (else
              ;; every cosine
              (local.set $bestSim (f64.const -inf))
              (local.set $c (i32.const 0))
              (block $all_done
                (loop $all
                  (br_if $all_done (i32.ge_u (local.get $c) (local.get $k)))
                  (local.set $s (call $dot (local.get $r) (i32.add (local.get $centres) (i32.mul (local.get $c) (local.get $rowBytes))) (local.get $dim)))
                  (f64.store (i32.add (local.get $lrow) (i32.shl (local.get $c) (i32.const 3))) (f64.sqrt (f64.max (f64.const 0) (f64.sub (f64.const 2) (f64.mul (f64.const 2) (local.get $s))))))
                  (if (f64.gt (local.get $s) (local.get $bestSim))
                    (then
                      (local.set $bestSim (local.get $s))
                      (local.set $best (local.get $c))))
                  (local.set $c (i32.add (local.get $c) (i32.const 1)))
                  (br $all)))
              (f64.store (local.get $pu) (f64.sqrt (f64.max (f64.const 0) (f64.sub (f64.const 2) (f64.mul (f64.const 2) (local.get $bestSim))))))))
          (if (i32.ne (local.get $best) (i32.load (i32.add (local.get $assign) (i32.shl (local.get $i) (i32.const 2)))))
            (then
              (i32.store (i32.add (local.get $assign) (i32.shl (local.get $i) (i32.const 2))) (local.get $best))
              (local.set $changed (i32.add (local.get $changed) (i32.const 1))))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $rows)))
    (local.get $changed))
  ;; a sparse row's coordinates on a basis laid out term by term (across: a term's rank coordinates
  ;; together, f64): out[k] = Σ_t xs[t]·across[at[t] + k], the entries t in order, for k < rank.
  ;; at: m i32 (a term's first coordinate, in elements), xs: m f64. Eight coordinates a pass in four
  ;; f64x2 lanes, then two, then one: each coordinate sums its products in entry order, as
  ;; truncated-svd.ts projectOn does, so the same bits.
  (func (export "projectRow") (param $across i32) (param $at i32) (param $xs i32) (param $m i32) (param $rank i32) (param $out i32)
    (local $k i32) (local $t i32) (local $a i32) (local $x v128)
    (local $s0 v128) (local $s1 v128) (local $s2 v128) (local $s3 v128) (local $f f64)
    (block $eights_done
      (loop $eights
        (br_if $eights_done (i32.gt_u (i32.add (local.get $k) (i32.const 8)) (local.get $rank)))
        (local.set $s0 (f64x2.splat (f64.const 0)))
        (local.set $s1 (f64x2.splat (f64.const 0)))
        (local.set $s2 (f64x2.splat (f64.const 0)))
        (local.set $s3 (f64x2.splat (f64.const 0)))
        (local.set $t (i32.const 0))
        (block $t_done
          (loop $ts
            (br_if $t_done (i32.ge_u (local.get $t) (local.get $m)))
            (local.set $a (i32.add (local.get $across) (i32.shl
              (i32.add (i32.load (i32.add (local.get $at) (i32.shl (local.get $t) (i32.const 2)))) (local.get $k)) (i32.const 3))))
            (local.set $x (v128.load64_splat (i32.add (local.get $xs) (i32.shl (local.get $t) (i32.const 3)))))
            (local.set $s0 (f64x2.add (local.get $s0) (f64x2.mul (local.get $x) (v128.load (local.get $a)))))
            (local.set $s1 (f64x2.add (local.get $s1) (f64x2.mul (local.get $x) (v128.load offset=16 (local.get $a)))))
            (local.set $s2 (f64x2.add (local.get $s2) (f64x2.mul (local.get $x) (v128.load offset=32 (local.get $a)))))
            (local.set $s3 (f64x2.add (local.get $s3) (f64x2.mul (local.get $x) (v128.load offset=48 (local.get $a)))))
            (local.set $t (i32.add (local.get $t) (i32.const 1)))
            (br $ts)))
        (local.set $a (i32.add (local.get $out) (i32.shl (local.get $k) (i32.const 3))))
        (v128.store (local.get $a) (local.get $s0))
        (v128.store offset=16 (local.get $a) (local.get $s1))
        (v128.store offset=32 (local.get $a) (local.get $s2))
        (v128.store offset=48 (local.get $a) (local.get $s3))
        (local.set $k (i32.add (local.get $k) (i32.const 8)))
        (br $eights)))
    (block $twos_done
      (loop $twos
        (br_if $twos_done (i32.gt_u (i32.add (local.get $k) (i32.const 2)) (local.get $rank)))
        (local.set $s0 (f64x2.splat (f64.const 0)))
        (local.set $t (i32.const 0))
        (block $t_done
          (loop $ts
            (br_if $t_done (i32.ge_u (local.get $t) (local.get $m)))
            (local.set $a (i32.add (local.get $across) (i32.shl
              (i32.add (i32.load (i32.add (local.get $at) (i32.shl (local.get $t) (i32.const 2)))) (local.get $k)) (i32.const 3))))
            (local.set $s0 (f64x2.add (local.get $s0) (f64x2.mul
              (v128.load64_splat (i32.add (local.get $xs) (i32.shl (local.get $t) (i32.const 3)))) (v128.load (local.get $a)))))
            (local.set $t (i32.add (local.get $t) (i32.const 1)))
            (br $ts)))
        (v128.store (i32.add (local.get $out) (i32.shl (local.get $k) (i32.const 3))) (local.get $s0))
        (local.set $k (i32.add (local.get $k) (i32.const 2)))
        (br $twos)))
    (if (i32.lt_u (local.get $k) (local.get $rank))
      (then
        (local.set $f (f64.const 0))
        (local.set $t (i32.const 0))
        (block $t_done
          (loop $ts
            (br_if $t_done (i32.ge_u (local.get $t) (local.get $m)))
            (local.set $f (f64.add (local.get $f) (f64.mul
              (f64.load (i32.add (local.get $xs) (i32.shl (local.get $t) (i32.const 3))))
              (f64.load (i32.add (local.get $across) (i32.shl
                (i32.add (i32.load (i32.add (local.get $at) (i32.shl (local.get $t) (i32.const 2)))) (local.get $k)) (i32.const 3)))))))
            (local.set $t (i32.add (local.get $t) (i32.const 1)))
            (br $ts)))
        (f64.store (i32.add (local.get $out) (i32.shl (local.get $k) (i32.const 3))) (local.get $f)))))
  ;; A X for a sparse A (CSR: rowStart n+1 i32, cols i32, vals f64) and X of l columns interleaved
  ;; (entry j of column k at x + (j·l + k)·8): out[i·l + k] = Σ_e vals[e]·X[cols[e]·l + k], the
  ;; entries in order (out zeroed first, by the caller), two columns a step in f64x2 lanes (each sum
  ;; as one product at a time)
  (func (export "csrTimes") (param $rowStart i32) (param $cols i32) (param $vals i32) (param $n i32)
    (param $x i32) (param $l i32) (param $out i32)
    (local $i i32) (local $e i32) (local $end i32) (local $k i32) (local $o i32) (local $a i32)
    (local $v f64) (local $vv v128) (local $lBytes i32) (local $pairs i32) (local $p i32)
    (local.set $lBytes (i32.shl (local.get $l) (i32.const 3)))
    (local.set $pairs (i32.and (local.get $l) (i32.const -2)))
    (block $rows_done
      (loop $rows
        (br_if $rows_done (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $o (i32.add (local.get $out) (i32.mul (local.get $i) (local.get $lBytes))))
        (local.set $e (i32.load (i32.add (local.get $rowStart) (i32.shl (local.get $i) (i32.const 2)))))
        (local.set $end (i32.load (i32.add (local.get $rowStart) (i32.shl (i32.add (local.get $i) (i32.const 1)) (i32.const 2)))))
        (block $es_done
          (loop $es
            (br_if $es_done (i32.ge_u (local.get $e) (local.get $end)))
            (local.set $v (f64.load (i32.add (local.get $vals) (i32.shl (local.get $e) (i32.const 3)))))
            (local.set $vv (f64x2.splat (local.get $v)))
            (local.set $a (i32.add (local.get $x)
              (i32.mul (i32.load (i32.add (local.get $cols) (i32.shl (local.get $e) (i32.const 2)))) (local.get $lBytes))))
            (local.set $k (i32.const 0))
            (block $ks_done
              (loop $ks
                (br_if $ks_done (i32.ge_u (local.get $k) (local.get $pairs)))
                (local.set $p (i32.add (local.get $o) (i32.shl (local.get $k) (i32.const 3))))
                (v128.store (local.get $p) (f64x2.add (v128.load (local.get $p))
                  (f64x2.mul (local.get $vv) (v128.load (i32.add (local.get $a) (i32.shl (local.get $k) (i32.const 3)))))))
                (local.set $k (i32.add (local.get $k) (i32.const 2)))
                (br $ks)))
            (if (i32.lt_u (local.get $k) (local.get $l))
              (then
                (local.set $p (i32.add (local.get $o) (i32.shl (local.get $k) (i32.const 3))))
                (f64.store (local.get $p) (f64.add (f64.load (local.get $p))
                  (f64.mul (local.get $v) (f64.load (i32.add (local.get $a) (i32.shl (local.get $k) (i32.const 3)))))))))
            (local.set $e (i32.add (local.get $e) (i32.const 1)))
            (br $es)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $rows))))
  ;; Aᵀ X for the same A and X of l columns of length n interleaved: out[cols[e]·l + k] +=
  ;; vals[e]·X[i·l + k], rows and their entries in order (out zeroed first, by the caller)
  (func (export "csrTransposedTimes") (param $rowStart i32) (param $cols i32) (param $vals i32) (param $n i32)
    (param $x i32) (param $l i32) (param $out i32)
    (local $i i32) (local $e i32) (local $end i32) (local $k i32) (local $xi i32) (local $a i32)
    (local $v f64) (local $vv v128) (local $lBytes i32) (local $pairs i32) (local $p i32)
    (local.set $lBytes (i32.shl (local.get $l) (i32.const 3)))
    (local.set $pairs (i32.and (local.get $l) (i32.const -2)))
    (block $rows_done
      (loop $rows
        (br_if $rows_done (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $xi (i32.add (local.get $x) (i32.mul (local.get $i) (local.get $lBytes))))
        (local.set $e (i32.load (i32.add (local.get $rowStart) (i32.shl (local.get $i) (i32.const 2)))))
        (local.set $end (i32.load (i32.add (local.get $rowStart) (i32.shl (i32.add (local.get $i) (i32.const 1)) (i32.const 2)))))
        (block $es_done
          (loop $es
            (br_if $es_done (i32.ge_u (local.get $e) (local.get $end)))
            (local.set $v (f64.load (i32.add (local.get $vals) (i32.shl (local.get $e) (i32.const 3)))))
            (local.set $vv (f64x2.splat (local.get $v)))
            (local.set $a (i32.add (local.get $out)
              (i32.mul (i32.load (i32.add (local.get $cols) (i32.shl (local.get $e) (i32.const 2)))) (local.get $lBytes))))
            (local.set $k (i32.const 0))
            (block $ks_done
              (loop $ks
                (br_if $ks_done (i32.ge_u (local.get $k) (local.get $pairs)))
                (local.set $p (i32.add (local.get $a) (i32.shl (local.get $k) (i32.const 3))))
                (v128.store (local.get $p) (f64x2.add (v128.load (local.get $p))
                  (f64x2.mul (local.get $vv) (v128.load (i32.add (local.get $xi) (i32.shl (local.get $k) (i32.const 3)))))))
                (local.set $k (i32.add (local.get $k) (i32.const 2)))
                (br $ks)))
            (if (i32.lt_u (local.get $k) (local.get $l))
              (then
                (local.set $p (i32.add (local.get $a) (i32.shl (local.get $k) (i32.const 3))))
                (f64.store (local.get $p) (f64.add (f64.load (local.get $p))
                  (f64.mul (local.get $v) (f64.load (i32.add (local.get $xi) (i32.shl (local.get $k) (i32.const 3)))))))))
            (local.set $e (i32.add (local.get $e) (i32.const 1)))
            (br $es)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $rows))))
  ;; c −= d·q over n f64, two entries a step in f64x2 lanes (each entry as one at a time):
  ;; truncated-svd.ts subtractScaled
  (func (export "subtractScaled") (param $c i32) (param $q i32) (param $d f64) (param $n i32)
    (local $j i32) (local $end i32) (local $dd v128) (local $p i32)
    (local.set $dd (f64x2.splat (local.get $d)))
    (local.set $end (i32.and (local.get $n) (i32.const -2)))
    (block $done
      (loop $l
        (br_if $done (i32.ge_u (local.get $j) (local.get $end)))
        (local.set $p (i32.add (local.get $c) (i32.shl (local.get $j) (i32.const 3))))
        (v128.store (local.get $p) (f64x2.sub (v128.load (local.get $p))
          (f64x2.mul (local.get $dd) (v128.load (i32.add (local.get $q) (i32.shl (local.get $j) (i32.const 3)))))))
        (local.set $j (i32.add (local.get $j) (i32.const 2)))
        (br $l)))
    (if (i32.lt_u (local.get $j) (local.get $n))
      (then
        (local.set $p (i32.add (local.get $c) (i32.shl (local.get $j) (i32.const 3))))
        (f64.store (local.get $p) (f64.sub (f64.load (local.get $p))
          (f64.mul (local.get $d) (f64.load (i32.add (local.get $q) (i32.shl (local.get $j) (i32.const 3)))))))))))
