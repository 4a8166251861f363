// copy(f()) and delete(f()) with a two-result f, also deferred (gc accepts
// a single multi-value call as a builtin's arguments; issue15992).
// Golden: gc 1.19.
package main

import "fmt"

func f(a []byte) ([]byte, []byte) { return a, []byte("abc") }
func g(a []byte) ([]byte, string) { return a, "xyz" }
func h(m map[int]int) (map[int]int, int) { return m, 0 }

func main() {
	a := []byte{1, 2, 3}
	n := copy(f(a))
	fmt.Println(n, a)
	b := []byte{1, 2}
	fmt.Println(copy(g(b)), b)
	m := map[int]int{0: 0, 1: 1}
	delete(h(m))
	fmt.Println(len(m))
	func() {
		defer delete(h(m))
		defer copy(g(b))
		fmt.Println(len(m), b)
	}()
	fmt.Println(len(m), b)
}
