// os.Pipe descriptors go through the netpoller: a read parks its goroutine
// until data comes, a read deadline expires it with os.ErrDeadlineExceeded,
// Close wakes a blocked reader, and 6.5 MB stream through.
package main

import (
	"errors"
	"fmt"
	"os"
	"runtime"
	"time"
)

func main() {
	r, w, err := os.Pipe()
	if err != nil {
		panic(err)
	}
	done := make(chan string)
	go func() {
		buf := make([]byte, 100)
		n, err := r.Read(buf)
		done <- fmt.Sprint(n, err, string(buf[:n]))
	}()
	time.Sleep(10 * time.Millisecond)
	w.Write([]byte("hello"))
	fmt.Println(<-done)
	// deadline
	t := time.Now()
	r.SetReadDeadline(t.Add(20 * time.Millisecond))
	_, err = r.Read(make([]byte, 10))
	fmt.Println(errors.Is(err, os.ErrDeadlineExceeded), time.Since(t) >= 20*time.Millisecond)
	r.SetReadDeadline(time.Time{})
	// close while reading
	go func() {
		_, err := r.Read(make([]byte, 10))
		done <- fmt.Sprint(err)
	}()
	time.Sleep(10 * time.Millisecond)
	r.Close()
	fmt.Println(<-done)
	// a lot of data through a pipe
	r2, w2, _ := os.Pipe()
	go func() {
		b := make([]byte, 1<<16)
		for i := 0; i < 100; i++ {
			w2.Write(b)
		}
		w2.Close()
	}()
	total := 0
	b := make([]byte, 4096)
	for {
		n, err := r2.Read(b)
		total += n
		if err != nil {
			fmt.Println(total, err)
			break
		}
	}
	runtime.KeepAlive(w) // else its finalizer may close it, and reads see EOF
}
