// Functions whose frames are bigger than the split-stack guard's slack get a
// trampoline that checks for the whole frame before it exists: deep
// recursion through such frames crosses many stack segments and stays
// correct. (big allocas are seen before code generation; big spill areas
// are measured in the stack maps and compiled again.)
package main

var m = map[string][1000]byte{}

// a [1000]byte local whose address is taken: an alloca of 1000 bytes
//go:noinline
func deep(n int) int {
	v := m["k"]
	v[n%1000] += byte(n)
	s := string(v[:])
	if n == 0 {
		return int(s[0])
	}
	return deep(n-1) + int(v[n%1000])
}

type quad struct{ a, b, c, d int }

type big struct {
	p, q, r, s, t, u, v, w quad
	f, g, h, k             [4]float64
}

func (q quad) add(n int) quad { return quad{q.a + n, q.b + 2*n, q.c + 3*n, q.d + 4*n} }

// many scalars live across a call: a big spill area
//go:noinline
func spill(n int, x big) big {
	if n == 0 {
		return x
	}
	y := big{x.p.add(n), x.q.add(n), x.r.add(n), x.s.add(n), x.t.add(n), x.u.add(n), x.v.add(n), x.w.add(n),
		[4]float64{x.f[0] + 1, x.f[1], x.f[2], x.f[3] + float64(n)}, x.g, x.h, x.k}
	z := spill(n-1, y)
	z.p.a += x.w.d
	z.k[3] += x.f[3]
	return z
}

func main() {
	var v [1000]byte
	v[0] = 7
	m["k"] = v
	println(deep(5000))
	r := spill(3000, big{})
	println(r.p.a, r.p.d, r.w.d, r.f[0], r.f[3], r.k[3])

	// a closure (its context in the nest register) with a big frame
	base := 3
	var rec func(n int) int
	rec = func(n int) int {
		v := m["k"]
		v[n%1000] += byte(base)
		if n == 0 {
			return int(v[0])
		}
		return rec(n-1) + int(v[n%1000])
	}
	println(rec(2000))
}
