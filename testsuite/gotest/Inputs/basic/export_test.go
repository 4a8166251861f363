package basic

// Secret is visible to the external tests only (an export_test.go file).
var Secret = &secret
