// mandelbrot: benchmarks-game mandelbrot (float64, bit packing); prints a
// println-only variant for `make bench` (no fmt/os until the standard library compiles, #5);
// the size is fixed at the benchmark size.
// checksum of the PBM bitmap instead of the bitmap itself. Sequential.
// Usage: mandelbrot [size]   (default 4000)
package main

const maxIter = 50

func main() {
	n := 5000
	rowBytes := (n + 7) / 8
	row := make([]byte, rowBytes)
	var hash uint32 = 2166136261 // FNV-1a over all bitmap bytes
	set := 0
	inv := 2.0 / float64(n)
	for y := 0; y < n; y++ {
		ci := float64(y)*inv - 1.0
		for xb := 0; xb < rowBytes; xb++ {
			var bits byte
			for bit := 0; bit < 8; bit++ {
				x := xb*8 + bit
				bits <<= 1
				if x >= n {
					continue
				}
				cr := float64(x)*inv - 1.5
				zr, zi, tr, ti := 0.0, 0.0, 0.0, 0.0
				i := 0
				for ; i < maxIter && tr+ti <= 4.0; i++ {
					zi = 2*zr*zi + ci
					zr = tr - ti + cr
					tr = zr * zr
					ti = zi * zi
				}
				if tr+ti <= 4.0 {
					bits |= 1
					set++
				}
			}
			row[xb] = bits
		}
		for _, b := range row {
			hash ^= uint32(b)
			hash *= 16777619
		}
	}
	println("P4", n, n)
	println("points in set:", set)
	println("fnv1a:", hash)
}
