// Programs use Go's own standard library, compiled from its sources:
// fmt's verbs on every kind of value (reflect underneath), strings, strconv,
// sort, errors, bytes, unicode, math, time's durations and timers, and
// sync's Mutex and WaitGroup across goroutines.
package main

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"os"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"
)

type Point struct {
	X, Y int
	tag  string
}

type Celsius float64

func (c Celsius) String() string { return strconv.FormatFloat(float64(c), 'f', 1, 64) + "°C" }

type NotFound struct{ Name string }

func (e *NotFound) Error() string { return e.Name + " not found" }

func find(name string) error {
	if name == "" {
		return fmt.Errorf("find: %w", &NotFound{"<empty>"})
	}
	return nil
}

func main() {
	p := Point{1, -2, "a"}
	fmt.Printf("%v|%+v|%#v|%T\n", p, p, p, p)
	fmt.Printf("%d|%5d|%-5d|%05d|%x|%X|%o|%b|%c|%U\n", 42, 42, 42, 42, 255, 255, 8, 5, 'G', 'é')
	fmt.Printf("%f|%.2f|%8.3f|%e|%g|%g|%v\n", math.Pi, math.Pi, math.E, 123456.789, 1e-7, 1e21, math.Inf(-1))
	fmt.Printf("%s|%q|%x|%10s|%-10s|%.2s\n", "go", "tab\t", "hi", "right", "left", "trunc")
	fmt.Printf("%t|%v|%p\n", true, nil, nil)
	fmt.Println([]int{3, 1, 2}, map[string]int{"z": 26, "a": 1}, [2]bool{true}, &p, Celsius(21.5))
	fmt.Println(struct {
		A []string
		B map[int]bool
	}{[]string{"x"}, map[int]bool{2: true, 1: false}})

	err := find("")
	var nf *NotFound
	fmt.Println(err, errors.As(err, &nf), nf.Name, errors.Unwrap(err) == error(nf))

	words := strings.Fields(" the quick  brown fox ")
	sort.Strings(words)
	fmt.Println(len(words), strings.Join(words, "+"), strings.Contains("seafood", "foo"),
		strings.Index("chicken", "ken"), strings.Replace("oink oink oink", "k", "ky", 2),
		strings.Title("hello world"), strings.TrimSpace("  x  "), strings.Split("a,b,c", ","))
	n, err := strconv.Atoi("12a")
	fmt.Println(n, err)
	f, _ := strconv.ParseFloat("2.5e3", 64)
	fmt.Println(f, strconv.Quote("héllo\x00"), strconv.FormatInt(-255, 16))
	var buf bytes.Buffer
	for i := 0; i < 3; i++ {
		fmt.Fprintf(&buf, "[%d]", i)
	}
	fmt.Println(buf.String(), bytes.Equal([]byte("a"), []byte("a")), unicode.IsUpper('Q'), unicode.ToLower('Q'))
	people := []struct {
		Name string
		Age  int
	}{{"Alice", 30}, {"Bob", 25}, {"Carol", 35}}
	sort.Slice(people, func(i, j int) bool { return people[i].Age < people[j].Age })
	fmt.Println(people)
	fmt.Println(math.Sqrt(2), math.Floor(-1.5), math.Max(3, math.NaN()), math.Hypot(3, 4), math.Log(math.E))
	fmt.Println(1500*time.Millisecond, 90*time.Second, time.Duration(1234567))

	var mu sync.Mutex
	var wg sync.WaitGroup
	count := 0
	for i := 0; i < 50; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mu.Lock()
			count++
			mu.Unlock()
		}()
	}
	wg.Wait()
	fmt.Println("count", count)

	timer := time.NewTimer(5 * time.Millisecond)
	select {
	case <-timer.C:
		fmt.Println("timer fired")
	case <-time.After(time.Second):
		fmt.Println("too late")
	}
	fmt.Fprintln(os.Stderr, "stderr too")
	fmt.Println(fmt.Sprint("a", 1, 2, "b"), fmt.Sprintln("x", 3))
}
