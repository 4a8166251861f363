// `defer recover()` and `go recover()`: recover's caller is then the
// function that deferred it. In the panicking function itself that is too
// early (a no-op; the next deferred function still recovers); in a function
// that the panic runs as a deferred call it recovers when that function
// returns (gc; test/recover.go test4). A started `go recover()` sees no panic.
package main

func g() {
	defer func() { println("outer recovered:", recover().(string)) }()
	defer recover() // a no-op
	panic("x")
}

func h() (r string) {
	defer func() { r = "h returned normally" }()
	defer func() {
		defer recover() // squelches the panic when this deferred call returns
		println("deferred call running")
	}()
	panic("y")
}

func main() {
	g()
	println(h())
	done := make(chan bool)
	go func() {
		defer func() { done <- true }()
		go recover()
	}()
	<-done
	println("done")
}
