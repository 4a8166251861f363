// Range loops: arrays, pointers to arrays, slices, strings (UTF-8, invalid
// bytes), maps (random order, deletion while ranging), the assignment form,
// break/continue with labels.
package main

type pt struct{ x, y int }

func main() {
	arr := [4]string{"a", "b", "c", "d"}
	for i, s := range arr {
		arr[3] = "changed" // ranging over a copy
		print(i, s, " ")
	}
	println()
	for i := range &arr {
		arr[i] += "!"
	}
	println(arr[0], arr[3])
	var np *[3]int
	n := 0
	for range np {
		n++
	}
	println("nil *array len", n)
	sl := []pt{{1, 2}, {3, 4}, {5, 6}}
	for _, p := range sl {
		p.x = 100
	}
	for i := range sl {
		sl[i].y *= 10
	}
	for _, p := range sl {
		print(p.x, ",", p.y, " ")
	}
	println()
	for i, r := range "a\xffé\xe2\x82z€" {
		print(i, ":", r, " ")
	}
	println()
	var k, v int
	for k, v = range []int{7, 8, 9} {
	}
	println("last", k, v)
	var idx int
	var ch rune
	for idx, ch = range "héllo" {
		if ch == 'l' {
			break
		}
	}
	println(idx, ch)
outer:
	for i := 0; i < 3; i++ {
		for j, x := range []int{10, 20, 30} {
			if j == 1 {
				continue outer
			}
			if i == 2 {
				break outer
			}
			println(i, j, x)
		}
	}
	m := map[int]int{}
	for i := 0; i < 100; i++ {
		m[i] = i
	}
	orders := map[int]bool{}
	for t := 0; t < 20; t++ {
		for k := range m {
			orders[k] = true
			break
		}
	}
	println("random start:", len(orders) > 1)
	seen := 0
	for k := range m {
		delete(m, k)
		delete(m, k^1)
		seen++
	}
	println("seen", seen, "left", len(m))
	m2 := map[string]int{"a": 1, "b": 2, "c": 3}
	sum := 0
	for key, val := range m2 {
		sum += val * len(key)
		m2[key] = val * 2
	}
	println(sum, m2["a"], m2["b"], m2["c"])
	var nilm map[string]int
	for range nilm {
		println("never")
	}
	cnt := 0
	for range "日本語" {
		cnt++
	}
	println(cnt)
}
