package badsig
