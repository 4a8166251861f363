// Complex division (Smith's method with C99 Annex G infinities, like gc), complex(), real(), imag().
package main



func div(x, y complex128) complex128 { return x / y }
func div64(x, y complex64) complex64 { return x / y }

var zero float64
var inf = 1 / zero

func main() {
	println(div(complex(1, 2), complex(3, 4)))
	println(div(complex(1e300, 1e300), complex(1e300, 1e-300)))
	println(div(complex(1, 1), 0))
	println(div(complex(inf, 1), complex(2, 3)))
	println(div(complex(1, 2), complex(inf, 3)))
	println(div(complex(0, 0), 0))
	println(div64(complex(1, 2), complex(3, 4)))
	println(div(complex(-5, 7), complex(0, -2)))
}

func init() {
	x := complex(float32(1.5), float32(-2))
	println(real(x), imag(x), real(div(3+4i, 1i)), imag(div(3+4i, 1i)))
}
