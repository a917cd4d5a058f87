(module
  (import "env" "memory" (memory 1))
  ;; dot of dim f64 at byte offsets a and b: lanes (s0,s1) and (s2,s3) as dotAt's four sums, tail into s0
  (func (export "dot") (param $a i32) (param $b i32) (param $dim i32) (result f64)
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
      (f64.add (f64x2.extract_lane 0 (local.get $acc23)) (f64x2.extract_lane 1 (local.get $acc23))))))
