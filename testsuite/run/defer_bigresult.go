package main

type R struct{ a [64]int }

func big(n int) (r R, s string, k int) {
	r.a[3] = n
	return r, "x", n
}

func deep(n int) int {
	if n == 0 {
		defer big(7)
		defer func() {
			println("recovered", recover() != nil)
		}()
		panic("p")
	}
	return deep(n-1) + 1
}

func main() {
	println(deep(2000))
}
