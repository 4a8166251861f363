package runtime

// The runtime's error values, as gc's runtime has them: what recover()
// returns after a run-time panic. libruntime (panic.c) builds them with the
// descriptors this file makes the compiler emit (errorTypes).

// An errorString is a run-time error with a fixed text ("integer divide by
// zero").
type errorString string

func (e errorString) RuntimeError() {}

func (e errorString) Error() string {
	return "runtime error: " + string(e)
}

// A plainError is a run-time error whose text has no "runtime error: "
// prefix ("assignment to entry in nil map").
type plainError string

func (e plainError) RuntimeError() {}

func (e plainError) Error() string {
	return string(e)
}

// A boundsError is an index, slice or conversion out of range: x is the
// index (signed says whether to print it as a signed number), y the length,
// capacity or other bound, code which expression failed.
type boundsError struct {
	x      int64
	y      int
	signed bool
	code   boundsErrorCode
}

type boundsErrorCode uint8

const (
	boundsIndex      boundsErrorCode = iota // s[x], 0 <= x < len(s) failed
	boundsSliceAlen                         // s[?:x], 0 <= x <= len(s) failed
	boundsSliceAcap                         // s[?:x], 0 <= x <= cap(s) failed
	boundsSliceB                            // s[x:y], 0 <= x <= y failed (y checked already)
	boundsSlice3Alen                        // s[?:?:x], 0 <= x <= len(s) failed
	boundsSlice3Acap                        // s[?:?:x], 0 <= x <= cap(s) failed
	boundsSlice3B                           // s[?:x:y], 0 <= x <= y failed
	boundsSlice3C                           // s[x:y:?], 0 <= x <= y failed
	boundsConvert                           // (*[x]T)(s), 0 <= x <= len(s) failed
)

func (e boundsError) RuntimeError() {}

func (e boundsError) Error() string {
	x := utoa(uint64(e.x))
	if e.signed && e.x < 0 {
		x = "-" + utoa(uint64(-e.x))
	}
	y := itoa(e.y)
	switch e.code {
	case boundsIndex:
		if e.signed && e.x < 0 {
			return "runtime error: index out of range [" + x + "]"
		}
		return "runtime error: index out of range [" + x + "] with length " + y
	case boundsConvert:
		return "runtime error: cannot convert slice with length " + x + " to pointer to array with length " + y
	}
	// the slice expression as written, x in the failed position
	var pre, mid, post, neg string
	switch e.code {
	case boundsSliceAlen:
		pre, mid, post, neg = "[:", "] with length ", "", "]"
	case boundsSliceAcap:
		pre, mid, post, neg = "[:", "] with capacity ", "", "]"
	case boundsSliceB:
		pre, mid, post, neg = "[", ":", "]", ":]"
	case boundsSlice3Alen:
		pre, mid, post, neg = "[::", "] with length ", "", "]"
	case boundsSlice3Acap:
		pre, mid, post, neg = "[::", "] with capacity ", "", "]"
	case boundsSlice3B:
		pre, mid, post, neg = "[:", ":", "]", ":]"
	default:
		pre, mid, post, neg = "[", ":", ":]", "::]"
	}
	if e.signed && e.x < 0 {
		return "runtime error: slice bounds out of range " + pre + x + neg
	}
	return "runtime error: slice bounds out of range " + pre + x + mid + y + post
}

// A TypeAssertionError explains a failed type assertion.
type TypeAssertionError struct {
	_interface    string // "" for an empty interface
	concrete      string // "" for a nil interface value
	asserted      string
	missingMethod string // the first method of asserted that concrete lacks
	samePkg       bool   // concrete == asserted as strings: the types' packages agree
}

func (*TypeAssertionError) RuntimeError() {}

func (e *TypeAssertionError) Error() string {
	inter := e._interface
	if inter == "" {
		inter = "interface"
	}
	if e.concrete == "" {
		return "interface conversion: " + inter + " is nil, not " + e.asserted
	}
	if e.missingMethod == "" {
		msg := "interface conversion: " + inter + " is " + e.concrete + ", not " + e.asserted
		if e.concrete == e.asserted {
			if e.samePkg {
				msg += " (types from different scopes)"
			} else {
				msg += " (types from different packages)"
			}
		}
		return msg
	}
	return "interface conversion: " + e.concrete + " is not " + e.asserted + ": missing method " + e.missingMethod
}

// utoa formats v in decimal.
func utoa(v uint64) string {
	var buf [20]byte
	i := len(buf)
	for {
		i--
		buf[i] = byte('0' + v%10)
		v /= 10
		if v == 0 {
			break
		}
	}
	return string(buf[i:])
}

func itoa(v int) string {
	if v < 0 {
		return "-" + utoa(uint64(-v))
	}
	return utoa(uint64(v))
}

// errorTypes keeps the descriptors of the error values above in the
// runtime's object file: libruntime refers to them by symbol.
var errorTypes = [...]any{errorString(""), plainError(""), boundsError{}, (*TypeAssertionError)(nil)}
