// Goroutines, channels and select on golc's scheduler: unbuffered and
// buffered channels, close and range, comma-ok receives, nil channels,
// select with and without default, goroutines started from closures,
// methods and builtins, and deferred close.
package main

type acc struct{ total int }

func (a *acc) add(c <-chan int, done chan<- bool) {
	for v := range c {
		a.total += v
	}
	done <- true
}

func producer(n int, c chan<- int) {
	defer close(c)
	for i := 1; i <= n; i++ {
		c <- i
	}
}

func fib(n int, out chan<- int) {
	a, b := 0, 1
	for i := 0; i < n; i++ {
		out <- a
		a, b = b, a+b
	}
	close(out)
}

func main() {
	// a pipeline through unbuffered channels
	c := make(chan int)
	done := make(chan bool)
	a := &acc{}
	go a.add(c, done)
	go producer(100, c)
	<-done
	println("sum", a.total)

	// buffered channel: len, cap, FIFO order, receive after close
	b := make(chan string, 3)
	b <- "x"
	b <- "y"
	println(len(b), cap(b))
	close(b)
	v, ok := <-b
	println(v, ok, len(b))
	v, ok = <-b
	println(v, ok)
	v, ok = <-b
	println(v == "", ok)

	// range over a generator
	f := make(chan int, 2)
	go fib(10, f)
	for x := range f {
		print(x, " ")
	}
	println()

	// select: default when nothing is ready, nil channels never ready
	var nilc chan int
	ready := make(chan int, 1)
	select {
	case <-nilc:
		println("nil recv")
	case nilc <- 1:
		println("nil send")
	default:
		println("default")
	}
	ready <- 7
	select {
	case <-nilc:
		println("nil recv")
	case x := <-ready:
		println("ready", x)
	}

	// select over several producers until all are closed
	c1, c2 := make(chan int), make(chan int)
	go func() {
		for i := 0; i < 3; i++ {
			c1 <- i
		}
		close(c1)
	}()
	go func() {
		for i := 10; i < 13; i++ {
			c2 <- i
		}
		close(c2)
	}()
	sum, n := 0, 0
	for c1 != nil || c2 != nil {
		select {
		case x, ok := <-c1:
			if !ok {
				c1 = nil
				continue
			}
			sum += x
			n++
		case x, ok := <-c2:
			if !ok {
				c2 = nil
				continue
			}
			sum += x
			n++
		}
	}
	println("select sum", sum, n)

	// a send case that completes when a receiver arrives
	out := make(chan int)
	got := make(chan int)
	go func() { got <- <-out }()
	select {
	case out <- 42:
	}
	println("sent", <-got)

	// go with a builtin and many goroutines
	results := make(chan int, 100)
	for i := 0; i < 100; i++ {
		go func(i int) { results <- i * i }(i)
	}
	total := 0
	for i := 0; i < 100; i++ {
		total += <-results
	}
	println("squares", total)

	// panics: closing twice, sending on a closed channel
	func() {
		defer func() { println("recovered:", recover().(error).Error()) }()
		cc := make(chan int)
		close(cc)
		close(cc)
	}()
	func() {
		defer func() { println("recovered:", recover().(error).Error()) }()
		cc := make(chan int, 1)
		close(cc)
		cc <- 1
	}()
	func() {
		defer func() { println("recovered:", recover().(error).Error()) }()
		var cc chan int
		close(cc)
	}()
}
