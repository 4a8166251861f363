// Maps: make, literals, index (zero when missing), comma-ok, op-assign, delete, struct/float/bool keys, NaN and -0.
package main

type K struct {
	a int
	b string
}

func main() {
	m := make(map[string]int)
	m["a"] = 1
	m["b"] = 2
	m["a"] += 10
	println(len(m), m["a"], m["b"], m["c"])
	v, ok := m["b"]
	println(v, ok)
	_, ok = m["zz"]
	println(ok)
	delete(m, "a")
	println(len(m))
	var nm map[int]int
	println(nm[5], len(nm))
	big := map[int]int{}
	for i := 0; i < 1000; i++ {
		big[i] = i * i
	}
	s := 0
	for k, v := range big {
		s += k + v
	}
	println(len(big), s)
	for k := range big {
		if k%2 == 0 {
			delete(big, k)
		}
	}
	println(len(big), big[3], big[4])
	sk := map[K]float64{{1, "x"}: 1.5, {2, "y"}: 2.5}
	println(sk[K{1, "x"}], sk[K{2, "y"}], sk[K{2, "z"}])
	fm := map[float64]int{}
	fm[0.0] = 1
	negz := 0.0
	negz = -negz
	fm[negz] = 2
	println(len(fm), fm[0])
	nan := 0.0
	nan = nan / nan
	fm[nan] = 3
	fm[nan] = 4
	println(len(fm))
	cnt := map[string][]int{}
	cnt["x"] = append(cnt["x"], 1)
	cnt["x"] = append(cnt["x"], 2)
	println(len(cnt["x"]))
	m2 := map[int]string{1: "one", 2: "two", 3: "three"}
	total := 0
	for k, v := range m2 {
		total += k * len(v)
	}
	println(total)
	m2[4] = "four"
	m2[1] += "!"
	println(m2[1], len(m2))
	bm := map[bool]int{true: 1}
	bm[false]++
	println(bm[true], bm[false])
}
