// Package testdeps is golc's version of Go's testing/internal/testdeps: the
// testDeps value that the main package of a test binary (written by
// `golc test`, driver/testmain.c) hands to testing.MainStart.
//
// Go's own testdeps imports internal/fuzz (coverage-guided fuzzing), whose
// imports (go/token's atomic.Pointer[T]) need generic code, which golc does
// not generate yet, and runtime/pprof, whose hooks libruntime lacks. This one
// matches test names with regexp like Go's, keeps -test.paniconexit0
// (internal/testlog), runs fuzz targets on their seed corpus only (f.Add
// values; corpus files under testdata/fuzz are refused) and reports
// profiling and -fuzz as not supported.
package testdeps

import (
	"errors"
	"internal/testlog"
	"io"
	"os"
	"reflect"
	"regexp"
	"time"
)

// TestDeps implements the testing package's testDeps interface.
type TestDeps struct{}

// ImportPath is the import path of the package under test (set by the
// generated main).
var ImportPath string

// CorpusEntry has the fields of the testing package's corpusEntry.
type CorpusEntry = struct {
	Parent     string
	Path       string
	Data       []byte
	Values     []any
	Generation int
	IsSeed     bool
}

var errNotSupported = errors.New("golc: not supported yet")

var lastPattern string
var lastRegexp *regexp.Regexp

func (TestDeps) ImportPath() string { return ImportPath }

func (TestDeps) MatchString(pat, str string) (bool, error) {
	if lastRegexp == nil || pat != lastPattern {
		re, err := regexp.Compile(pat)
		if err != nil {
			return false, err
		}
		lastPattern, lastRegexp = pat, re
	}
	return lastRegexp.MatchString(str), nil
}

func (TestDeps) SetPanicOnExit0(v bool) { testlog.SetPanicOnExit0(v) }

func (TestDeps) StartCPUProfile(io.Writer) error { return errors.New("golc: CPU profiles are not supported yet") }

func (TestDeps) StopCPUProfile() {}

func (TestDeps) WriteProfileTo(name string, w io.Writer, debug int) error {
	return errors.New("golc: profile " + name + " is not supported yet")
}

// StartTestLog writes the header of the go command's test log; golc records
// no file or environment accesses in it.
func (TestDeps) StartTestLog(w io.Writer) { io.WriteString(w, "# test log\n") }

func (TestDeps) StopTestLog() error { return nil }

func (TestDeps) CoordinateFuzzing(time.Duration, int64, time.Duration, int64, int, []CorpusEntry, []reflect.Type, string, string) error {
	return errors.New("golc: fuzzing (-fuzz) is not supported yet")
}

func (TestDeps) RunFuzzWorker(func(CorpusEntry) error) error { return errNotSupported }

// ReadCorpus reads a fuzz target's corpus directory: a missing directory is
// an empty corpus; files in it are not supported yet.
func (TestDeps) ReadCorpus(dir string, types []reflect.Type) ([]CorpusEntry, error) {
	ents, err := os.ReadDir(dir)
	if os.IsNotExist(err) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	if len(ents) > 0 {
		return nil, errors.New("golc: fuzz corpus files (" + dir + ") are not supported yet")
	}
	return nil, nil
}

// CheckCorpus reports whether the values of an f.Add call have the fuzz
// function's argument types.
func (TestDeps) CheckCorpus(vals []any, types []reflect.Type) error {
	if len(vals) != len(types) {
		return errors.New("wrong number of values in corpus entry")
	}
	for i, v := range vals {
		if reflect.TypeOf(v) != types[i] {
			return errors.New("mismatched types in corpus entry: " + reflect.TypeOf(v).String() + ", want " + types[i].String())
		}
	}
	return nil
}

func (TestDeps) ResetCoverage() {}

func (TestDeps) SnapshotCoverage() {}
