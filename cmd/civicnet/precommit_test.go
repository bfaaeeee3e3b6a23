package main

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// TestPreCommitHooks: every hook of .pre-commit-hooks.yaml runs a civicnet
// command with options it accepts (checked by adding -h, which parses
// them and stops).
func TestPreCommitHooks(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "..", ".pre-commit-hooks.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var hooks []struct {
		ID       string `yaml:"id"`
		Entry    string `yaml:"entry"`
		Language string `yaml:"language"`
	}
	if err := yaml.Unmarshal(data, &hooks); err != nil {
		t.Fatal(err)
	}
	if len(hooks) == 0 {
		t.Fatal(".pre-commit-hooks.yaml has no hooks")
	}
	for _, h := range hooks {
		args := strings.Fields(h.Entry)
		if len(args) < 2 || args[0] != "civicnet" {
			t.Errorf("hook %s: entry %q does not run a civicnet command", h.ID, h.Entry)
			continue
		}
		var stderr strings.Builder
		if code := run(append(args[1:], "-h"), strings.NewReader(""), io.Discard, &stderr); code != exitOK {
			t.Errorf("hook %s: %q -h exits %d: %s", h.ID, h.Entry, code, stderr.String())
		}
	}
}
