// reflect.Call, Method(i).Func, MakeFunc and method values through libffi
// (libruntime/reflectcall.c): every result shape of the calling convention
// (none, one scalar, a same-class pair, mixed pairs and more through sret),
// small integers, float32 pairs, in-memory aggregates, closures, variadic
// functions, and a panic recovered across the C frames. Golden: gc 1.19.
package main

import (
	"fmt"
	"reflect"
	"strings"
)

type T struct {
	A int
	B string
}

func (t T) Sum(x int) int          { return t.A + x }
func (t *T) Set(s string)          { t.B = s }
func (t T) Pair() (int, string)    { return t.A, t.B }
func (t T) Mixed() (int, float64)  { return t.A, 2.5 }
func (t T) F32(a, b float32) (float32, float32) { return a + b, a * b }

func add(a, b int) int { return a + b }
func concat(xs ...string) string { return strings.Join(xs, "+") }
func many(a int8, b int16, c int32, d int64, e float32, f float64, g bool, h string, i []int, j interface{}, k, l, m, n int) (string, bool, int8) {
	return fmt.Sprint(a, b, c, d, e, f, g, h, i, j, k, l, m, n), !g, a * 2
}

type Big [70]int

func bigf(b Big, k int) Big { b[k] = 99; return b }

func main() {
	v := reflect.ValueOf(add)
	out := v.Call([]reflect.Value{reflect.ValueOf(3), reflect.ValueOf(4)})
	fmt.Println(out[0].Int())
	fmt.Println(reflect.ValueOf(concat).Call([]reflect.Value{reflect.ValueOf("a"), reflect.ValueOf("b")})[0])
	r := reflect.ValueOf(many).Call([]reflect.Value{reflect.ValueOf(int8(1)), reflect.ValueOf(int16(2)), reflect.ValueOf(int32(3)),
		reflect.ValueOf(int64(4)), reflect.ValueOf(float32(5.5)), reflect.ValueOf(6.25), reflect.ValueOf(true),
		reflect.ValueOf("h"), reflect.ValueOf([]int{7, 8}), reflect.ValueOf(9), reflect.ValueOf(10), reflect.ValueOf(11), reflect.ValueOf(12), reflect.ValueOf(13)})
	fmt.Println(r[0], r[1], r[2])
	t := T{5, "x"}
	fmt.Println(reflect.ValueOf(t).MethodByName("Sum").Call([]reflect.Value{reflect.ValueOf(10)})[0])
	reflect.ValueOf(&t).MethodByName("Set").Call([]reflect.Value{reflect.ValueOf("y")})
	fmt.Println(t.B)
	p := reflect.ValueOf(t).MethodByName("Pair").Call(nil)
	fmt.Println(p[0], p[1])
	m := reflect.ValueOf(t).MethodByName("Mixed").Call(nil)
	fmt.Println(m[0], m[1])
	f := reflect.ValueOf(t).MethodByName("F32").Call([]reflect.Value{reflect.ValueOf(float32(1.5)), reflect.ValueOf(float32(2))})
	fmt.Println(f[0], f[1])
	meth, _ := reflect.TypeOf(t).MethodByName("Sum")
	fmt.Println(meth.Func.Call([]reflect.Value{reflect.ValueOf(t), reflect.ValueOf(1)})[0])
	var b Big
	b[1] = 1
	rb := reflect.ValueOf(bigf).Call([]reflect.Value{reflect.ValueOf(b), reflect.ValueOf(3)})[0].Interface().(Big)
	fmt.Println(rb[1], rb[3], b[3])
	clo := 7
	fmt.Println(reflect.ValueOf(func(x int) int { return x * clo }).Call([]reflect.Value{reflect.ValueOf(6)})[0])
	var s fmt.Stringer = reflect.TypeOf(0)
	fmt.Println(reflect.ValueOf(s).MethodByName("String").Call(nil)[0])

	// MakeFunc
	swap := func(in []reflect.Value) []reflect.Value { return []reflect.Value{in[1], in[0]} }
	var intSwap func(int, int) (int, int)
	reflect.ValueOf(&intSwap).Elem().Set(reflect.MakeFunc(reflect.TypeOf(intSwap), swap))
	fmt.Println(intSwap(0, 1))
	var strSwap func(string, string) (string, string)
	reflect.ValueOf(&strSwap).Elem().Set(reflect.MakeFunc(reflect.TypeOf(strSwap), swap))
	fmt.Println(strSwap("a", "b"))
	var mix func(int, float64) (float64, int)
	reflect.ValueOf(&mix).Elem().Set(reflect.MakeFunc(reflect.TypeOf(mix), swap))
	fmt.Println(mix(3, 4.5))
	var b8 func(bool, int8) (int8, bool)
	reflect.ValueOf(&b8).Elem().Set(reflect.MakeFunc(reflect.TypeOf(b8), swap))
	fmt.Println(b8(true, -3))
	// method values through reflect
	mv := reflect.ValueOf(t).MethodByName("Sum").Interface().(func(int) int)
	fmt.Println(mv(100))
	pv := reflect.ValueOf(t).MethodByName("Pair").Interface().(func() (int, string))
	fmt.Println(pv())
	// MakeFunc value called through reflect
	fmt.Println(reflect.ValueOf(intSwap).Call([]reflect.Value{reflect.ValueOf(8), reflect.ValueOf(9)})[0])
	// panics through reflect
	defer func() { fmt.Println("recovered:", recover()) }()
	reflect.ValueOf(func() { panic("boom") }).Call(nil)
}
