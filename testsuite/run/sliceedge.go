// Edge cases: negative map size hint, appending nothing to nil, empty re-slices keep their capacity.
package main

func main() {
	n := -1
	m := make(map[int]int, n)
	println(len(m))
	var s []int
	s = append(s, s...)
	println(s == nil)
	var e []int
	println(append(e) == nil, len(append([]int{}, e...)))
	x := []int{1, 2, 3}
	y := x[1:1]
	println(len(y), cap(y))
	z := x[3:]
	println(len(z), cap(z))
}
