package main

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/spf13/pflag"
)

const completionUsage = `Usage: civicnet completion bash|zsh|fish

Prints a script that completes civicnet's commands, their options, the
values of options with a fixed set of values (validate --format, export
--formats) and file names, for the shell named.

Options:
  -h, --help   show this help

Examples:
  bash, for this shell:        source <(civicnet completion bash)
  bash, for every new shell:   civicnet completion bash > ~/.local/share/bash-completion/completions/civicnet
  zsh, in a directory of $fpath:  civicnet completion zsh > "${fpath[1]}/_civicnet"
  fish:                        civicnet completion fish > ~/.config/fish/completions/civicnet.fish
`

// valuesAnnotation names the pflag annotation that lists the values a
// flag takes, for completion: flags.SetAnnotation("format",
// valuesAnnotation, []string{"text", "json"}).
const valuesAnnotation = "civicnet-values"

var shells = []string{"bash", "zsh", "fish"}

func runCompletion(e *env) int {
	fs := newFlagSet("completion", e)
	if code, done := parseFlags(fs, e, completionUsage); done {
		return code
	}
	if fs.NArg() != 1 {
		e.errorf("completion takes one shell: %s", strings.Join(shells, ", "))
		e.hintf("run \"civicnet completion bash\" (or zsh, fish)")
		return exitUsage
	}
	var write func(io.Writer, []completedCommand) error
	switch fs.Arg(0) {
	case "bash":
		write = writeBashCompletion
	case "zsh":
		write = writeZshCompletion
	case "fish":
		write = writeFishCompletion
	default:
		e.errorf("completion: unknown shell %q; shells are %s", fs.Arg(0), strings.Join(shells, ", "))
		if s := closest(fs.Arg(0), shells); s != "" {
			e.hintf("did you mean \"civicnet completion %s\"?", s)
		}
		return exitUsage
	}
	if err := write(e.stdout, completedCommands()); err != nil {
		e.errorf("writing the script: %v", err)
		return exitFailure
	}
	return exitOK
}

// completedCommand is what completion knows of a command.
type completedCommand struct {
	name, summary string
	flags         []*pflag.Flag
	// args are the words its arguments complete from; nil means file
	// names.
	args []string
}

// completedCommands asks every command for its flag set (through
// env.inspect, without running it), so that completion cannot drift from
// the options the commands parse.
func completedCommands() []completedCommand {
	var out []completedCommand
	for _, c := range commands {
		cc := completedCommand{name: c.name, summary: c.summary}
		c.run(&env{stdin: strings.NewReader(""), stdout: io.Discard, stderr: io.Discard,
			inspect: func(fs *pflag.FlagSet) {
				fs.VisitAll(func(f *pflag.Flag) { cc.flags = append(cc.flags, f) })
			}})
		switch c.name {
		case "completion":
			cc.args = shells
		case "version", "schema":
			cc.args = []string{}
		}
		out = append(out, cc)
	}
	names := commandNames()
	slices.Sort(names)
	out = append(out, completedCommand{name: "help", summary: "print the usage of a command", args: names})
	return out
}

func flagTakesValue(f *pflag.Flag) bool { return f.Value.Type() != "bool" }

func flagValues(f *pflag.Flag) []string { return f.Annotations[valuesAnnotation] }

func writeBashCompletion(w io.Writer, cmds []completedCommand) error {
	var b strings.Builder
	b.WriteString("# bash completion for civicnet; load with: source <(civicnet completion bash)\n")
	b.WriteString("_civicnet() {\n")
	b.WriteString("  local cur=\"${COMP_WORDS[COMP_CWORD]}\" prev=\"${COMP_WORDS[COMP_CWORD-1]}\"\n")
	b.WriteString("  COMPREPLY=()\n")
	var names []string
	for _, c := range cmds {
		names = append(names, c.name)
	}
	fmt.Fprintf(&b, "  if [ \"$COMP_CWORD\" -eq 1 ]; then\n    COMPREPLY=($(compgen -W %q -- \"$cur\"))\n    return\n  fi\n",
		strings.Join(names, " ")+" --help --version")
	b.WriteString("  case \"${COMP_WORDS[1]}\" in\n")
	for _, c := range cmds {
		fmt.Fprintf(&b, "  %s)\n", c.name)
		var flagWords []string
		var valueCases []string
		for _, f := range c.flags {
			spellings := []string{"--" + f.Name}
			if f.Shorthand != "" {
				spellings = append(spellings, "-"+f.Shorthand)
			}
			flagWords = append(flagWords, spellings...)
			if !flagTakesValue(f) {
				continue
			}
			if vs := flagValues(f); vs != nil {
				valueCases = append(valueCases, fmt.Sprintf("    %s) COMPREPLY=($(compgen -W %q -- \"$cur\")); return ;;\n",
					strings.Join(spellings, "|"), strings.Join(vs, " ")))
			} else {
				valueCases = append(valueCases, fmt.Sprintf("    %s) return ;;\n", strings.Join(spellings, "|")))
			}
		}
		if len(valueCases) > 0 {
			b.WriteString("    case \"$prev\" in\n")
			for _, vc := range valueCases {
				b.WriteString("  " + vc)
			}
			b.WriteString("    esac\n")
		}
		fmt.Fprintf(&b, "    if [[ \"$cur\" == -* ]]; then COMPREPLY=($(compgen -W %q -- \"$cur\")); return; fi\n",
			strings.Join(flagWords, " "))
		if c.args != nil {
			fmt.Fprintf(&b, "    COMPREPLY=($(compgen -W %q -- \"$cur\"))\n", strings.Join(c.args, " "))
		}
		b.WriteString("    ;;\n")
	}
	b.WriteString("  esac\n}\n")
	// -o default: where the function offers nothing, bash completes
	// file names.
	b.WriteString("complete -o default -F _civicnet civicnet\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// zshQuote makes s safe inside a single-quoted _arguments spec.
func zshQuote(s string) string {
	return strings.NewReplacer("'", "'\\''", "[", "(", "]", ")", ":", " ").Replace(s)
}

func writeZshCompletion(w io.Writer, cmds []completedCommand) error {
	var b strings.Builder
	b.WriteString("#compdef civicnet\n# zsh completion for civicnet; save as _civicnet in a directory of $fpath,\n# or load with: source <(civicnet completion zsh)\n")
	b.WriteString("_civicnet() {\n  local -a commands\n  commands=(\n")
	for _, c := range cmds {
		fmt.Fprintf(&b, "    '%s:%s'\n", c.name, zshQuote(c.summary))
	}
	b.WriteString("  )\n  if (( CURRENT == 2 )); then\n    _describe -t commands 'civicnet command' commands\n    return\n  fi\n")
	b.WriteString("  local cmd=${words[2]}\n  shift words\n  (( CURRENT-- ))\n  case $cmd in\n")
	for _, c := range cmds {
		fmt.Fprintf(&b, "  %s)\n    _arguments -s", c.name)
		for _, f := range c.flags {
			spec := "--" + f.Name
			if f.Shorthand != "" {
				spec = fmt.Sprintf("(-%s --%s)'{-%s,--%s}'", f.Shorthand, f.Name, f.Shorthand, f.Name)
			}
			spec += "[" + zshQuote(f.Usage) + "]"
			if flagTakesValue(f) {
				if vs := flagValues(f); vs != nil {
					spec += ":" + f.Name + ":(" + strings.Join(vs, " ") + ")"
				} else {
					spec += ":" + f.Name + ":_files"
				}
			}
			fmt.Fprintf(&b, " \\\n      '%s'", spec)
		}
		switch {
		case c.args == nil:
			b.WriteString(" \\\n      '*:file:_files'")
		case len(c.args) > 0:
			fmt.Fprintf(&b, " \\\n      '1:%s:(%s)'", c.name, strings.Join(c.args, " "))
		}
		b.WriteString("\n    ;;\n")
	}
	b.WriteString("  esac\n}\n")
	b.WriteString("if [[ ${funcstack[1]} == _civicnet ]]; then\n  _civicnet \"$@\"\nelse\n  compdef _civicnet civicnet\nfi\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// fishQuote makes s one single-quoted fish word.
func fishQuote(s string) string {
	return "'" + strings.NewReplacer(`\`, `\\`, "'", `\'`).Replace(s) + "'"
}

func writeFishCompletion(w io.Writer, cmds []completedCommand) error {
	var b strings.Builder
	b.WriteString("# fish completion for civicnet; save as ~/.config/fish/completions/civicnet.fish\n")
	b.WriteString("complete -c civicnet -f\n")
	b.WriteString("complete -c civicnet -n __fish_use_subcommand -l version -d 'print the version'\n")
	for _, c := range cmds {
		fmt.Fprintf(&b, "complete -c civicnet -n __fish_use_subcommand -a %s -d %s\n", c.name, fishQuote(c.summary))
	}
	for _, c := range cmds {
		cond := fishQuote("__fish_seen_subcommand_from " + c.name)
		for _, f := range c.flags {
			fmt.Fprintf(&b, "complete -c civicnet -n %s -l %s", cond, f.Name)
			if f.Shorthand != "" {
				fmt.Fprintf(&b, " -s %s", f.Shorthand)
			}
			if flagTakesValue(f) {
				if vs := flagValues(f); vs != nil {
					fmt.Fprintf(&b, " -x -a %s", fishQuote(strings.Join(vs, " ")))
				} else {
					b.WriteString(" -r -F")
				}
			}
			fmt.Fprintf(&b, " -d %s\n", fishQuote(f.Usage))
		}
		switch {
		case c.args == nil:
			fmt.Fprintf(&b, "complete -c civicnet -n %s -F\n", cond)
		case len(c.args) > 0:
			fmt.Fprintf(&b, "complete -c civicnet -n %s -a %s\n", cond, fishQuote(strings.Join(c.args, " ")))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}
