package main

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
	"go.yaml.in/yaml/v3"
)

// actionFile is the composite GitHub Action at the root of the module.
var actionFile = filepath.Join("..", "..", "action.yml")

type action struct {
	Inputs map[string]struct {
		Default string `yaml:"default"`
	} `yaml:"inputs"`
	Runs struct {
		Using string       `yaml:"using"`
		Steps []actionStep `yaml:"steps"`
	} `yaml:"runs"`
}

type actionStep struct {
	ID    string            `yaml:"id"`
	If    string            `yaml:"if"`
	Uses  string            `yaml:"uses"`
	Shell string            `yaml:"shell"`
	Env   map[string]string `yaml:"env"`
	Run   string            `yaml:"run"`
	With  map[string]string `yaml:"with"`
}

func readAction() (*action, error) {
	data, err := os.ReadFile(actionFile)
	if err != nil {
		return nil, err
	}
	var a action
	if err := yaml.Unmarshal(data, &a); err != nil {
		return nil, fmt.Errorf("action.yml: %v", err)
	}
	return &a, nil
}

var expression = regexp.MustCompile(`\$\{\{\s*([^}]*?)\s*\}\}`)

// TestActionFile checks what GitHub would only find out when the action
// runs: a composite action, every step that runs a script names its
// shell and takes inputs through env (an expression inside a script is
// pasted into it, a shell injection), and every input an expression
// names is declared.
func TestActionFile(t *testing.T) {
	a, err := readAction()
	if err != nil {
		t.Fatal(err)
	}
	if a.Runs.Using != "composite" {
		t.Errorf("action.yml: runs.using = %q, want composite", a.Runs.Using)
	}
	for i, s := range a.Runs.Steps {
		if s.Run != "" && s.Shell == "" {
			t.Errorf("action.yml: step %d (%s) runs a script without a shell", i, s.ID)
		}
		if expression.MatchString(s.Run) {
			t.Errorf("action.yml: step %d (%s) has an expression in its script; pass it through env", i, s.ID)
		}
		var all []string
		all = append(all, s.If)
		for _, v := range s.Env {
			all = append(all, v)
		}
		for _, v := range s.With {
			all = append(all, v)
		}
		for _, text := range all {
			for _, m := range regexp.MustCompile(`inputs\.([a-z-]+)`).FindAllStringSubmatch(text, -1) {
				if _, ok := a.Inputs[m[1]]; !ok {
					t.Errorf("action.yml: step %d (%s) uses inputs.%s, which is not declared", i, s.ID, m[1])
				}
			}
		}
	}
}

// actionStepCmd is the testscript command "action-step ID FILE": it
// writes the script of the action's step ID to FILE, preceded by its env
// with the expressions evaluated as GitHub would: inputs.NAME is
// $INPUT_NAME (upper case, - as _) when the script sets it, else the
// input's default; steps.ID.outputs.NAME is read from what step ID wrote
// to its $GITHUB_OUTPUT ($WORK/output-ID); github.action_path is the
// module's root and github.event.pull_request.base.sha is $PR_BASE_SHA.
// Scripts then run FILE with bash, on a sample repository, with the
// civicnet under test on $PATH.
func actionStepCmd(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: action-step ID FILE")
	}
	a, err := readAction()
	ts.Check(err)
	root, err := filepath.Abs(filepath.Dir(actionFile))
	ts.Check(err)
	for _, s := range a.Runs.Steps {
		if s.ID != args[0] {
			continue
		}
		var b strings.Builder
		fmt.Fprintf(&b, "export GITHUB_OUTPUT=%s\n", shellQuote(filepath.Join(ts.Getenv("WORK"), "output-"+s.ID)))
		for k, v := range s.Env {
			v = expression.ReplaceAllStringFunc(v, func(e string) string {
				return evalExpression(ts, a, root, expression.FindStringSubmatch(e)[1])
			})
			fmt.Fprintf(&b, "export %s=%s\n", k, shellQuote(v))
		}
		b.WriteString(s.Run)
		ts.Check(os.WriteFile(ts.MkAbs(args[1]), []byte(b.String()), 0o644))
		return
	}
	ts.Fatalf("action.yml has no step with id %q", args[0])
}

func evalExpression(ts *testscript.TestScript, a *action, root, e string) string {
	switch {
	case strings.HasPrefix(e, "inputs."):
		name := strings.TrimPrefix(e, "inputs.")
		in, ok := a.Inputs[name]
		if !ok {
			ts.Fatalf("action.yml: unknown input %s", name)
		}
		if v := ts.Getenv("INPUT_" + strings.ToUpper(strings.ReplaceAll(name, "-", "_"))); v != "" {
			return v
		}
		return in.Default
	case strings.HasPrefix(e, "steps."):
		parts := strings.Split(e, ".") // steps ID outputs NAME
		if len(parts) != 4 || parts[2] != "outputs" {
			ts.Fatalf("action.yml: cannot evaluate %s", e)
		}
		data, err := os.ReadFile(filepath.Join(ts.Getenv("WORK"), "output-"+parts[1]))
		if err != nil {
			return ""
		}
		for line := range strings.SplitSeq(string(data), "\n") {
			if v, ok := strings.CutPrefix(line, parts[3]+"="); ok {
				return v
			}
		}
		return ""
	case e == "github.action_path":
		return root
	case e == "github.event.pull_request.base.sha":
		return ts.Getenv("PR_BASE_SHA")
	}
	ts.Fatalf("action.yml: cannot evaluate %s", e)
	return ""
}

func shellQuote(s string) string { return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'" }
