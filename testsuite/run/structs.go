// Pointers to structs: linked lists, trees, field updates through
// pointers, struct values copied by assignment, embedded fields.
package main

type node struct {
	next *node
	v    int
}

type tree struct {
	left, right *tree
	key         int
}

func insert(t *tree, k int) *tree {
	if t == nil {
		return &tree{key: k}
	}
	if k < t.key {
		t.left = insert(t.left, k)
	} else {
		t.right = insert(t.right, k)
	}
	return t
}

func inorder(t *tree) {
	if t == nil {
		return
	}
	inorder(t.left)
	print(t.key, " ")
	inorder(t.right)
}

type point struct{ x, y int }
type named struct {
	point
	label string
}

func main() {
	var l *node
	for i := 1; i <= 5; i++ {
		l = &node{l, i * i}
	}
	s := 0
	for p := l; p != nil; p = p.next {
		s += p.v
	}
	println(s)
	var t *tree
	keys := [7]int{5, 3, 8, 1, 4, 7, 9}
	for i := 0; i < 7; i++ {
		t = insert(t, keys[i])
	}
	inorder(t)
	println()
	p := point{1, 2}
	q := p
	q.x = 10
	println(p.x, q.x, p == point{1, 2}, p != q)
	n := named{point{3, 4}, "n"}
	println(n.x, n.y, n.label)
	pp := &n.point
	pp.y = 40
	println(n.y)
}
