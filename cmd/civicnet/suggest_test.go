package main

import "testing"

func TestClosest(t *testing.T) {
	commands := []string{"validate", "export", "init", "fmt", "schema", "completion", "version", "help"}
	tests := []struct{ name, want string }{
		{"exprot", "export"},
		{"valdiate", "validate"},
		{"validat", "validate"},
		{"Validate", "validate"},
		{"comp", "completion"},
		{"fnt", "fmt"},
		{"frobnicate", ""},
		{"x", ""},
	}
	for _, tc := range tests {
		if got := closest(tc.name, commands); got != tc.want {
			t.Errorf("closest(%q) = %q, want %q", tc.name, got, tc.want)
		}
	}
}
