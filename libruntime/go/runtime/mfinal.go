package runtime

// runfinq is the finalizer goroutine (libruntime/mfinal.c starts it at the
// first SetFinalizer): it runs queued finalizers one at a time, for ever.
func runfinq() {
	for {
		finqrun()
	}
}

// finqrun waits for a queued finalizer and calls it.
func finqrun()
