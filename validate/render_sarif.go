package validate

import (
	"encoding/json"
	"io"
	"net/url"
	"path/filepath"
	"strings"

	"github.com/civicnet/civicnet/model"
)

// The SARIF 2.1.0 log, as far as civicnet fills it.
type (
	sarifLog struct {
		Schema  string     `json:"$schema"`
		Version string     `json:"version"`
		Runs    []sarifRun `json:"runs"`
	}
	sarifRun struct {
		Tool       sarifTool     `json:"tool"`
		ColumnKind string        `json:"columnKind"`
		Results    []sarifResult `json:"results"`
		Properties jsonSummary   `json:"properties"`
	}
	sarifTool struct {
		Driver sarifDriver `json:"driver"`
	}
	sarifDriver struct {
		Name           string      `json:"name"`
		InformationURI string      `json:"informationUri"`
		Rules          []sarifRule `json:"rules"`
	}
	sarifRule struct {
		ID                   string       `json:"id"`
		ShortDescription     sarifMessage `json:"shortDescription"`
		HelpURI              string       `json:"helpUri"`
		Help                 sarifHelp    `json:"help"`
		DefaultConfiguration sarifConfig  `json:"defaultConfiguration"`
	}
	sarifHelp struct {
		Text     string `json:"text"`
		Markdown string `json:"markdown"`
	}
	sarifConfig struct {
		Level string `json:"level"`
	}
	sarifMessage struct {
		Text string `json:"text"`
	}
	sarifResult struct {
		RuleID           string             `json:"ruleId"`
		RuleIndex        int                `json:"ruleIndex"`
		Level            string             `json:"level"`
		Message          sarifMessage       `json:"message"`
		Locations        []sarifLocation    `json:"locations,omitempty"`
		RelatedLocations []sarifLocation    `json:"relatedLocations,omitempty"`
		Suppressions     []sarifSuppression `json:"suppressions,omitempty"`
	}
	sarifSuppression struct {
		Kind          string         `json:"kind"`
		Justification string         `json:"justification"`
		Location      *sarifLocation `json:"location,omitempty"`
	}
	sarifLocation struct {
		ID               *int                   `json:"id,omitempty"`
		PhysicalLocation *sarifPhysicalLocation `json:"physicalLocation,omitempty"`
		LogicalLocations []sarifLogical         `json:"logicalLocations,omitempty"`
		Message          *sarifMessage          `json:"message,omitempty"`
	}
	sarifLogical struct {
		Name               string `json:"name"`
		FullyQualifiedName string `json:"fullyQualifiedName"`
		Kind               string `json:"kind"`
	}
	sarifPhysicalLocation struct {
		ArtifactLocation sarifArtifact `json:"artifactLocation"`
		Region           *sarifRegion  `json:"region,omitempty"`
	}
	sarifArtifact struct {
		URI string `json:"uri"`
	}
	sarifRegion struct {
		StartLine   int `json:"startLine"`
		StartColumn int `json:"startColumn,omitempty"`
	}
)

const sarifSchema = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"

// WriteSARIF writes diags as a SARIF 2.1.0 log of one run of the tool
// "civicnet" (informationUri its home page), for code-scanning services.
// Each code met is a rule (id = code, shortDescription, helpUri and help
// pointing at its section of docs/diagnostics.md, default level); each
// diagnostic a result with ruleId, level error or warning, the summary
// and detail as message, its position as location and related
// positions as relatedLocations. A
// diagnostic about a record also has the record as a logical location
// (kind "object", fullyQualifiedName "organization/efus") and, when it
// is about one of its values, the value (kind "property",
// fullyQualifiedName "organization/efus/memberships[2].during"), with
// or without a physical location.
// Columns count Unicode code points (columnKind unicodeCodePoints). File
// names become relative URI references with forward slashes ("<stdin>"
// stays as it is). The run's properties carry the summary counts.
func WriteSARIF(w io.Writer, diags Diagnostics, opts RenderOptions) error {
	s := diags.summarize(opts)
	run := sarifRun{
		Tool:       sarifTool{Driver: sarifDriver{Name: "civicnet", InformationURI: InformationURL, Rules: []sarifRule{}}},
		ColumnKind: "unicodeCodePoints",
		Results:    make([]sarifResult, 0, len(diags)),
		Properties: jsonSummary{Errors: s.Errors, Warnings: s.Warnings, Files: s.Files, Records: s.Records,
			Suppressed: s.Suppressed},
	}
	ruleIndex := make(map[string]int)
	for _, code := range sortedCodes(diags) {
		ruleIndex[code] = len(run.Tool.Driver.Rules)
		info, ok := LookupCode(code)
		if !ok {
			info = CodeInfo{Code: code, Severity: Error, Description: code}
		}
		help := HelpURL(code)
		run.Tool.Driver.Rules = append(run.Tool.Driver.Rules, sarifRule{ID: code,
			ShortDescription: sarifMessage{Text: info.Description},
			HelpURI:          help,
			Help: sarifHelp{
				Text: info.Description + ". Each diagnostic's message says how to fix it; " +
					"the documentation of " + code + ", with a bad example and its fix: " + help,
				Markdown: markdownText(info.Description) + ". Each diagnostic's message says how to fix it; " +
					"see [the documentation of `" + code + "`](" + help + "), with a bad example and its fix.",
			},
			DefaultConfiguration: sarifConfig{Level: info.Severity.String()}})
	}
	for _, d := range diags {
		msg := d.Summary
		if d.Detail != "" {
			msg += "\n" + d.Detail
		}
		res := sarifResult{RuleID: d.Code, RuleIndex: ruleIndex[d.Code], Level: d.Severity.String(),
			Message: sarifMessage{Text: msg}}
		loc := sarifLocation{PhysicalLocation: sarifPhysical(d.Pos), LogicalLocations: sarifLogicals(d)}
		if loc.PhysicalLocation != nil || loc.LogicalLocations != nil {
			res.Locations = []sarifLocation{loc}
		}
		for i, r := range d.Related {
			id := i + 1
			res.RelatedLocations = append(res.RelatedLocations, sarifLocation{ID: &id,
				PhysicalLocation: sarifPhysical(r), Message: &sarifMessage{Text: RelatedNote(d.Code)}})
		}
		if sp := d.Suppressed; sp != nil {
			// SARIF's kinds: inSource for an exception written in the
			// record, external for a rule set outside it.
			supp := sarifSuppression{Kind: "external", Justification: sp.Justification}
			if sp.Kind == "record" {
				supp.Kind = "inSource"
			}
			if pl := sarifPhysical(sp.Pos); pl != nil {
				supp.Location = &sarifLocation{PhysicalLocation: pl}
			}
			res.Suppressions = []sarifSuppression{supp}
		}
		run.Results = append(run.Results, res)
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(sarifLog{Schema: sarifSchema, Version: "2.1.0", Runs: []sarifRun{run}})
}

// sarifLogicals names the record of d and the value in it.
func sarifLogicals(d Diagnostic) []sarifLogical {
	if d.Record.IsZero() {
		return nil
	}
	record := d.Record.Kind
	name := d.Record.Kind
	if d.Record.ID != "" {
		record += "/" + d.Record.ID
		name = d.Record.ID
	}
	out := []sarifLogical{{Name: name, FullyQualifiedName: record, Kind: "object"}}
	if d.Field != "" {
		out = append(out, sarifLogical{Name: d.Field, FullyQualifiedName: record + "/" + d.Field, Kind: "property"})
	}
	return out
}

func sarifPhysical(p model.Pos) *sarifPhysicalLocation {
	if p.File == "" {
		return nil
	}
	pl := &sarifPhysicalLocation{ArtifactLocation: sarifArtifact{URI: fileURI(p.File)}}
	if p.Line > 0 {
		pl.Region = &sarifRegion{StartLine: p.Line, StartColumn: p.Col}
	}
	return pl
}

// fileURI turns a file name into a URI reference: a relative path with
// forward slashes and percent-encoding where a URI needs it, a file: URI
// for an absolute path, and <stdin> as it is.
func fileURI(name string) string {
	if name == model.StdinName {
		return name
	}
	slashed := filepath.ToSlash(name)
	if filepath.IsAbs(name) {
		if !strings.HasPrefix(slashed, "/") { // a Windows drive: C:/x
			slashed = "/" + slashed
		}
		return (&url.URL{Scheme: "file", Path: slashed}).String()
	}
	return (&url.URL{Path: slashed}).String()
}
