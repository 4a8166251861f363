// Slice growth and capacities as gc reports them: structs, zero-size elements, int32, append of a slice to itself, []byte/[]rune of long constants, invalid UTF-8 forms.
package main

type P struct{ a, b, c int }
type E struct{}

func main() {
	var ps []P
	for i := 0; i < 600; i++ {
		ps = append(ps, P{i, i, i})
		if i%50 == 0 {
			print(cap(ps), " ")
		}
	}
	println()
	var es []E
	for i := 0; i < 10; i++ {
		es = append(es, E{})
	}
	println(len(es), cap(es))
	for i, r := range "\xed\xa0\x80\xf4\x90\x80\x80\xc0\x80\xe0\x80\x80x" {
		print(i, ":", r, " ")
	}
	println()
	b := []byte("this is a somewhat longer string of more than 32 bytes")
	println(len(b), cap(b))
	r := []rune("this is a somewhat longer string of more than 32 runes ok")
	println(len(r), cap(r))
	var i32 []int32
	for i := 0; i < 1100; i++ {
		i32 = append(i32, 1)
	}
	println(cap(i32))
	s := append([]int(nil), 1, 2, 3, 4, 5)
	println(len(s), cap(s))
	s2 := append(s[:2], s...)
	println(len(s2), cap(s2), s2[0], s2[1], s2[2], s2[6])
	big := make([]byte, 0, 5)
	big = append(big, make([]byte, 100)...)
	println(cap(big))
	ss := "héllo"
	bs := []byte(ss)
	println(string(bs[1:3]) == "é", string(rune(bs[0])))
	n := -1
	_ = n
}
