// Slices: make, literals (keyed), append growth (gc's caps), copy, slice expressions, string <-> []byte/[]rune.
package main

func sum(s []int) int {
	t := 0
	for _, v := range s {
		t += v
	}
	return t
}

type P struct {
	x, y int
	s    string
}

func main() {
	s := make([]int, 3, 10)
	println(len(s), cap(s))
	s[1] = 5
	s = append(s, 1, 2, 3)
	println(len(s), cap(s), sum(s))
	var a []int
	for i := 0; i < 2000; i++ {
		a = append(a, i)
		if i < 20 || i%97 == 0 {
			print(cap(a), " ")
		}
	}
	println()
	println(sum(a))
	b := []byte("hello")
	b = append(b, " world"...)
	println(string(b), len(b), cap(b))
	r := []rune("héllo, 世界")
	println(len(r), cap(r), string(r))
	for i, c := range "aé世\xffz" {
		println(i, c)
	}
	arr := [5]int{1, 2, 3, 4, 5}
	t := arr[1:3]
	println(len(t), cap(t), t[0], t[1])
	t = arr[1:2:3]
	println(len(t), cap(t))
	p := &arr
	println(len(p[2:]), p[2:][0])
	str := "hello, world"
	println(str[7:], str[:5], str[3:8])
	c := make([]byte, 3)
	n := copy(c, "xyzw")
	println(n, string(c))
	ps := []P{{1, 2, "a"}, {x: 3, s: "b"}}
	ps = append(ps, P{5, 6, "c"})
	for i, q := range ps {
		println(i, q.x, q.y, q.s)
	}
	ks := []string{2: "two", 0: "zero"}
	println(len(ks), ks[0], ks[1], ks[2])
	for i := range arr {
		if i == 3 {
			break
		}
		if i == 1 {
			continue
		}
		println("i", i)
	}
	m := [][]int{{1}, {2, 3}}
	m[1] = append(m[1], 4)
	println(len(m[1]), m[1][2])
	var bs []byte
	for i := 0; i < 100; i++ {
		bs = append(bs, byte(i))
		if i%10 == 0 {
			print(cap(bs), " ")
		}
	}
	println()
	var ss []string
	for i := 0; i < 40; i++ {
		ss = append(ss, "x")
	}
	println(cap(ss))
	d := []int{1, 2, 3, 4, 5}
	copy(d[1:], d)
	println(d[0], d[1], d[2], d[3], d[4])
}
