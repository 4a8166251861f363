// Constant string concatenation appends in place to the latest result
// (frontend/const.c); earlier results keep their own value.
package main

const a = "x" + "y"
const b = a + "z"
const c = a + "w"
const d = b + b
const e = "" + ""
const long = "0123456789" + "0123456789" + "0123456789" + "0123456789" + "0123456789" +
	"0123456789" + "0123456789" + "0123456789" + "0123456789" + "0123456789" + "!"

func main() {
	println(a, b, c, d, len(e), len(long), long[100:])
	println(a+b+c == "xyxyzxyw", d[2:4])
}
