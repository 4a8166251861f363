// spectralnorm: benchmarks-game spectral-norm (float64, tight loops), sequential.
// println-only variant for `make bench` (no fmt/os until the standard library compiles, #5);
// the size is fixed at the benchmark size.
// Usage: spectralnorm [n]   (default 2000)
package main

func evalA(i, j int) float64 {
	return 1.0 / float64((i+j)*(i+j+1)/2+i+1)
}

func timesVec(v, u []float64) {
	for i := range v {
		s := 0.0
		for j := range u {
			s += evalA(i, j) * u[j]
		}
		v[i] = s
	}
}

func timesTranspVec(v, u []float64) {
	for i := range v {
		s := 0.0
		for j := range u {
			s += evalA(j, i) * u[j]
		}
		v[i] = s
	}
}

func aTimesTransp(v, u, tmp []float64) {
	timesVec(tmp, u)
	timesTranspVec(v, tmp)
}

// sqrt by Newton iteration ("math" is outside the allowed subset); used once.
func sqrt(x float64) float64 {
	if x <= 0 {
		return 0
	}
	r := x
	if r < 1 {
		r = 1
	}
	for i := 0; i < 200; i++ {
		nr := 0.5 * (r + x/r)
		if nr == r {
			break
		}
		r = nr
	}
	return r
}

func main() {
	n := 5500
	u := make([]float64, n)
	v := make([]float64, n)
	tmp := make([]float64, n)
	for i := range u {
		u[i] = 1
	}
	for i := 0; i < 10; i++ {
		aTimesTransp(v, u, tmp)
		aTimesTransp(u, v, tmp)
	}
	var vBv, vv float64
	for i := 0; i < n; i++ {
		vBv += u[i] * v[i]
		vv += v[i] * v[i]
	}
	println(sqrt(vBv / vv))
}
