package main

type T struct{ n int }

func (t T) Get() int         { return t.n }
func (t *T) Add(k int)       { t.n += k }
func (t T) Three() (int, int, int) { return t.n, t.n * 2, t.n * 3 }

type E struct {
	T
	name string
}

func call(f func() int) int { return f() }

func main() {
	t := T{1}
	g := t.Get
	t.n = 100
	println(g(), call(t.Get))
	add := t.Add
	add(5)
	println(t.n)
	p := &t
	g2 := p.Get
	p.n = 7
	println(g2())
	get := T.Get
	println(get(T{42}))
	addx := (*T).Add
	addx(p, 3)
	println(p.n)
	th := t.Three
	a, b, c := th()
	println(a, b, c)
	e := E{T{9}, "e"}
	eg := e.Get
	println(eg())
	var fs []func() int
	_ = fs
	defer t.Add(1)
	defer func() { println("final", t.n) }()
}
