// `defer recover()` and `go recover()`: recover is then the deferred (or
// started) call itself, not called by a deferred function, so it never
// stops a panic; the next deferred function still can.
package main

func g() {
	defer func() { println("outer recovered:", recover().(string)) }()
	defer recover() // a no-op
	panic("x")
}

func main() {
	g()
	done := make(chan bool)
	go func() {
		defer func() { done <- true }()
		go recover()
	}()
	<-done
	println("done")
}
