// panic with an error value prints Error(), with a Stringer String()
// (gc's preprintpanics); the helper frame is hidden in the traceback.
// RUN: %golc build -o %t %s
// RUN: %expect-exit 2 %run %t > %t.out 2>&1
// RUN: FileCheck %s < %t.out
package main

type MyErr struct{ code int }

func (e *MyErr) Error() string { return "my error" }

type Str int

func (s Str) String() string { return "str!" }

//go:noinline
func fail(n int) error {
	if n > 0 {
		return &MyErr{n}
	}
	return nil
}

func check(err error) {
	if err != nil {
		panic(err)
	}
}

func main() {
	var s interface{} = Str(1)
	_ = s
	check(fail(0))
	println("ok")
	panic(Str(2))
}









// CHECK: ok
// CHECK-NEXT: panic: str!
// CHECK: main.main()
