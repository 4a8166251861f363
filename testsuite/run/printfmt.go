// print/println formatting as gc's runtime prints it.
package main

func main() {
	println(1.0, -2.5, 1e100, 0.0, 3.14159265358979)
	var f32 float32 = 0.1
	println(f32)
	println(true, false, -0, 9223372036854775807, -9223372036854775808)
	var u uint64 = 18446744073709551615
	println(u)
	print("a", 1, "b", 2, "\n")
	println()
	var c complex128 = complex(1, -2)
	println(c)
	var p *int
	println(p)
}
