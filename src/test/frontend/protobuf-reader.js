// A minimal protobuf reader, for the tests of the Perfetto writer: the fields of a message as
// [number, wire type, value], a nested message's value its bytes.

export function readFields(bytes) {
  const fields = [];
  let i = 0;
  const varint = () => {
    let v = 0;
    let f = 1;
    for (;;) {
      const b = bytes[i++];
      v += (b & 0x7f) * f;
      f *= 128;
      if (b < 0x80) return v;
    }
  };
  while (i < bytes.length) {
    const key = varint();
    const [field, wire] = [Math.floor(key / 8), key % 8];
    if (wire === 0) fields.push([field, wire, varint()]);
    else if (wire === 1) {
      let v = 0;
      for (let k = 7; k >= 0; k--) v = v * 256 + bytes[i + k];
      i += 8;
      fields.push([field, wire, v]);
    } else if (wire === 2) {
      const n = varint();
      fields.push([field, wire, bytes.subarray(i, i + n)]);
      i += n;
    } else throw new Error(`wire type ${wire}`);
  }
  return fields;
}
