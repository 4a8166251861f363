// print_gen.go regenerates print_values.txt (stdout) and print_golden.txt
// (stderr) with gc's print builtin; test_print.c prints the same values with
// libruntime and compares byte for byte.
//
//	go run print_gen.go > print_values.txt 2> print_golden.txt
package main

import (
	"fmt"
	"math"
	"math/rand"
	"unsafe"
)

func f(v float64) {
	fmt.Printf("f %x\n", math.Float64bits(v))
	print(v, "\n")
}

func main() {
	r := rand.New(rand.NewSource(1))
	for _, v := range []int64{0, 1, -1, 7, -42, 1000000, math.MaxInt64, math.MinInt64, math.MinInt64 + 1} {
		fmt.Printf("i %d\n", v)
		print(v, "\n")
	}
	for i := 0; i < 50; i++ {
		v := int64(r.Uint64())
		fmt.Printf("i %d\n", v)
		print(v, "\n")
	}
	for _, v := range []uint64{0, 1, 10, math.MaxUint64, 1 << 63, r.Uint64(), r.Uint64()} {
		fmt.Printf("u %d\n", v)
		print(v, "\n")
	}
	for _, v := range []uint64{0, 1, 15, 16, 0xdeadbeef, math.MaxUint64, r.Uint64()} {
		fmt.Printf("p %x\n", v)
		print(unsafe.Pointer(uintptr(v)), "\n")
	}
	specials := []float64{0, math.Copysign(0, -1), 1, -1, 0.1, 0.5, 1.5, 2, 3, 10, 100, 1e7,
		123456789, 9.9999995, 9.99999949, 9.9999996, 0.99999995, 0.999999949, 1e-7, 5e-7,
		1.0 / 3, 2.0 / 3, 1e22, 1e23, 1e100, 1e300, 1e308, math.MaxFloat64,
		math.SmallestNonzeroFloat64, 2.2250738585072014e-308, 1e-310, 1e-320,
		math.NaN(), math.Inf(1), math.Inf(-1), math.Pi, math.E, -math.Pi * 1e-200,
		float64(float32(0.1)), float64(float32(1.0 / 3)), math.MaxFloat32, 1.25e-5, 99999995, 0.000999999951}
	for _, v := range specials {
		f(v)
	}
	for i := 0; i < 300; i++ {
		f(math.Float64frombits(r.Uint64()))
	}
	for i := 0; i < 300; i++ {
		f(r.NormFloat64() * math.Pow(10, float64(r.Intn(40)-20)))
	}
	for i := 0; i < 100; i++ {
		f(float64(r.Int63n(100000000)) / float64(int64(1)<<uint(r.Intn(30))))
	}
	for _, c := range []complex128{0, complex(1, 2), complex(-1.5, 0.25), complex(math.Inf(1), math.NaN()), complex(1e-300, -1e300)} {
		fmt.Printf("c %x %x\n", math.Float64bits(real(c)), math.Float64bits(imag(c)))
		print(c, "\n")
	}
	for _, b := range []bool{true, false} {
		if b {
			fmt.Printf("b 1\n")
		} else {
			fmt.Printf("b 0\n")
		}
		print(b, "\n")
	}
	for _, s := range []string{"hello", "", "日本語", "tab\tend"} {
		fmt.Printf("s %s\n", s)
		print(s, "\n")
	}
	for _, v := range [][2]int64{{1, 2}, {-3, 40}} {
		fmt.Printf("l %d %d\n", v[0], v[1])
		println(v[0], v[1])
	}
}
