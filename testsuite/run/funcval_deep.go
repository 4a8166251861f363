package main

func main() {
	k := 3
	var rec func(n int) int
	rec = func(n int) int {
		if n == 0 {
			return k
		}
		return rec(n-1) + 1
	}
	println(rec(100000))
	var big func(n int) (int, int, int)
	big = func(n int) (int, int, int) {
		if n == 0 {
			return k, 1, 2
		}
		a, b, c := big(n - 1)
		return a + 1, b, c + k
	}
	a, b, c := big(50000)
	println(a, b, c)
}
