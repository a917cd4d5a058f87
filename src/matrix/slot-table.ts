/** Numbers (whole, 0 ≤ key < 2⁵³) to dense slots 0, 1, 2, … in order of first sight: open addressing, linear probing. */
export class SlotTable {
  private keys: Float64Array;
  private slots: Int32Array;
  /** Keys seen so far. */
  size = 0;

  /** `capacity`: a power of two, the slots allocated at first (the table doubles when half full). */
  constructor(capacity = 1 << 16) {
    this.keys = new Float64Array(capacity).fill(-1);
    this.slots = new Int32Array(capacity);
  }

  /** The key's slot; a new key gets the next one. */
  slot(key: number): number {
    const i = this.probe(key);
    if (this.keys[i] === key) return this.slots[i]!;
    this.keys[i] = key;
    this.slots[i] = this.size++;
    if (this.size * 2 > this.keys.length) this.grow();
    return this.size - 1;
  }

  /** The key's slot, or −1 if the key was never seen. */
  find(key: number): number {
    const i = this.probe(key);
    return this.keys[i] === key ? this.slots[i]! : -1;
  }

  /** Where the key is held, or the empty place it would go. */
  private probe(key: number): number {
    const mask = this.keys.length - 1;
    let i = hash(key) & mask;
    for (let k = this.keys[i]!; k !== key && k >= 0; k = this.keys[i]!) i = (i + 1) & mask;
    return i;
  }

  private grow(): void {
    const { keys, slots } = this;
    this.keys = new Float64Array(keys.length * 2).fill(-1);
    this.slots = new Int32Array(keys.length * 2);
    const mask = this.keys.length - 1;
    for (let j = 0; j < keys.length; j++) {
      if (keys[j]! < 0) continue;
      let i = hash(keys[j]!) & mask;
      while (this.keys[i]! >= 0) i = (i + 1) & mask;
      this.keys[i] = keys[j]!;
      this.slots[i] = slots[j]!;
    }
  }
}

function hash(key: number): number {
  let h = Math.imul((key >>> 0) ^ Math.imul(Math.floor(key / 4294967296), 0x9e3779b1), 0x85ebca6b);
  h ^= h >>> 15;
  return Math.imul(h, 0xc2b2ae35) ^ (h >>> 13);
}
