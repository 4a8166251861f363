package p

var b [(nil)]int

func f() {
	(nil)
}
