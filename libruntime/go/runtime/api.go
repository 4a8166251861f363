// Package runtime is golc's runtime package as Go code sees it: the exported
// API that the standard library uses. The implementations live in
// libruntime (C); bodyless functions here are provided by it.
package runtime

import (
	"internal/goarch"
	"internal/goos"
	_ "unsafe" // go:linkname
)

const GOOS string = goos.GOOS
const GOARCH string = goarch.GOARCH
const Compiler = "gc"

func GOROOT() string
func Version() string

// An Error identifies a run time error.
type Error interface {
	error
	RuntimeError()
}

func GC()
func GOMAXPROCS(n int) int
func NumCPU() int
func NumCgoCall() int64
func NumGoroutine() int
func Gosched()
func Goexit()
func Breakpoint()
func LockOSThread()
func UnlockOSThread()
func KeepAlive(x any)
func SetFinalizer(obj any, finalizer any)
func Stack(buf []byte, all bool) int

func Caller(skip int) (pc uintptr, file string, line int, ok bool)
func Callers(skip int, pc []uintptr) int
