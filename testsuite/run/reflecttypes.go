// Run-time type construction finds the program's own descriptors
// (reflect.typelinks, ptrToThis), struct tags and package paths, unexported
// methods in method tables emitted by other packages (dynamic assertions
// to reflect.Type), blank fields that composite literals do not store, and
// maps of types made at run time (StructOf/ArrayOf keys).
// Golden: gc 1.19.
package main

import (
	"fmt"
	"reflect"
	"unsafe"
)

type S struct {
	A int    `json:"a,omitempty" xml:"b"`
	B string "plain\ttab"
	c bool
}

type M int

func (m M) Get() int { return int(m) * 2 }

var called bool

func (m M) Mark() { called = true }

func main() {
	var s struct {
		X int `k:"v"`
	}
	fmt.Printf("%T\n", s)
	t := reflect.TypeOf(S{})
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		fmt.Printf("%s %q %q %q\n", f.Name, f.Tag, f.Tag.Get("json"), f.PkgPath)
	}
	fmt.Println(reflect.TypeOf(unsafe.Pointer(nil)).PkgPath(), t.PkgPath(), reflect.TypeOf(reflect.Value{}).PkgPath())
	a := &struct{ x int }{}
	b := &struct{ x int "" }{}
	fmt.Println(reflect.TypeOf(b).AssignableTo(reflect.TypeOf(a)))

	// the program's own descriptors: identity with static types
	fmt.Println(reflect.SliceOf(reflect.TypeOf(0)) == reflect.TypeOf([]int(nil)))
	fmt.Println(reflect.MapOf(reflect.TypeOf(""), reflect.TypeOf(0)) == reflect.TypeOf(map[string]int(nil)))
	fmt.Println(reflect.PtrTo(t) == reflect.TypeOf(&S{}))
	fmt.Println(reflect.ChanOf(reflect.BothDir, t) == reflect.TypeOf(make(chan S)))
	fn := reflect.TypeOf(M(0)).Method(0).Func.Interface().(func(M) int)
	fmt.Println(fn(21))
	pm, ok := reflect.PointerTo(reflect.TypeOf(M(0))).MethodByName("Mark")
	pm.Func.Call([]reflect.Value{reflect.New(reflect.TypeOf(M(0)))})
	fmt.Println(ok, called)
	m := reflect.MakeMap(reflect.MapOf(reflect.TypeOf(""), reflect.TypeOf(0))).Interface().(map[string]int)
	m["k"] = 4
	fmt.Println(m)

	var x any = reflect.TypeOf(0)
	rt, ok := x.(reflect.Type)
	fmt.Println(rt, ok)

	blank := struct{ a, _, c int }{1, 2, 3}
	fmt.Println(reflect.ValueOf(blank).Field(1).Int(), blank.a, blank.c)
	runtimeMaps()
}

func runtimeMaps() {
	kt := reflect.StructOf([]reflect.StructField{
		{Name: "A", Type: reflect.TypeOf(0)},
		{Name: "B", Type: reflect.TypeOf("")},
	})
	mt := reflect.MapOf(kt, reflect.TypeOf(0.5))
	m := reflect.MakeMap(mt)
	for i := 0; i < 100; i++ {
		k := reflect.New(kt).Elem()
		k.Field(0).SetInt(int64(i))
		k.Field(1).SetString(fmt.Sprint("k", i%7))
		m.SetMapIndex(k, reflect.ValueOf(float64(i)/2))
	}
	k := reflect.New(kt).Elem()
	k.Field(0).SetInt(42)
	k.Field(1).SetString("k0")
	fmt.Println(m.Len(), m.MapIndex(k), mt)
	m.SetMapIndex(k, reflect.Value{})
	fmt.Println(m.Len(), m.MapIndex(k).IsValid())
	n := 0
	for it := m.MapRange(); it.Next(); {
		n += int(it.Key().Field(0).Int())
	}
	fmt.Println(n)
	arr := reflect.MapOf(reflect.ArrayOf(3, reflect.TypeOf(int8(0))), reflect.TypeOf(""))
	am := reflect.MakeMap(arr)
	ak := reflect.New(arr.Key()).Elem()
	ak.Index(1).SetInt(5)
	am.SetMapIndex(ak, reflect.ValueOf("x"))
	fmt.Println(am.MapIndex(ak), am.Interface())
}
