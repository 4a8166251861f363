// Method values and expressions that need wrappers: interface method values
// (a nil interface panics when the value is made), (*T).M for value methods,
// promoted methods through embedded fields and pointers (nil embedded
// pointers reach pointer methods), interface method expressions; also
// println(f()), complex(f()) and append(f()) with multi-value f.
package main

type I interface{ M(int) int }

type T struct{ n int }

func (t T) M(x int) int   { return t.n + x }
func (t *T) P(x int) int  { return x * 2 }
func (t *T) Set(n int)    { t.n = n }

type Inner struct{ v int }

func (in Inner) Get() int   { return in.v }
func (in *Inner) Ptr() bool { return in == nil }

type Outer struct {
	name string
	Inner
}

type Deep struct {
	*Inner
	k int
}

type WithI struct{ I }

func two() (int, string) { return 7, "seven" }
func parts() (float64, float64) { return 1.5, -2 }
func elems() ([]int, int, int)   { return []int{1}, 2, 3 }

func main() {
	var i I = T{10}
	f := i.M
	i = T{100} // the value was bound before
	println(f(1), i.M(1))

	func() {
		defer func() { println("recovered:", recover() != nil) }()
		var z I
		g := z.M
		println("not reached", g != nil)
	}()

	g := (*T).M
	t := &T{5}
	println(g(t, 3))
	h := T.M
	println(h(T{2}, 2))
	im := I.M
	println(im(T{20}, 1))

	o := Outer{"o", Inner{42}}
	og := Outer.Get
	println(og(o))
	op := (*Outer).Ptr
	println(op(&o))
	println(Outer{"x", Inner{9}}.Get())

	d := Deep{nil, 1}
	println(d.Ptr())
	dp := Deep.Ptr
	println(dp(d))
	var pi interface{ Ptr() bool } = d
	println(pi.Ptr())

	w := WithI{T{3}}
	wm := w.M
	println(wm(4))
	wx := WithI.M
	println(wx(w, 5))

	set := t.Set
	set(99)
	println(t.n)

	println(two())
	c := complex(parts())
	println(real(c), imag(c))
	e := append(elems())
	println(len(e), e[0], e[1], e[2])
}
