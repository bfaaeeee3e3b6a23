package model

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzSlugify checks the promises ids and role slugs rest on: Slugify
// returns "" or a valid id, and a slug is its own slug; ParseRole keeps a
// slug as it is and gives any other text a slug of that text (or none).
func FuzzSlugify(f *testing.F) {
	for _, s := range []string{
		"Commander", "executive-committee-member", "Città di Torino", "  spaced  ", "---",
		"Ærø Kommune", "Straße", "ﬁ ligature", "１２３ full width", "İstanbul", "𝔘nicode 😀",
		strings.Repeat("ab-", 60), strings.Repeat("é", 200), "a\u0301b", "\xff\xfe", "",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		slug := Slugify(s)
		if slug != "" && !IsSlug(slug) {
			t.Fatalf("Slugify(%q) = %q, not a valid id", s, slug)
		}
		if again := Slugify(slug); again != slug {
			t.Fatalf("Slugify(%q) = %q, want %q (a slug is its own slug)", slug, again, slug)
		}
		if IsSlug(s) && slug != s {
			t.Fatalf("Slugify(%q) = %q, want the slug itself", s, slug)
		}
		role := ParseRole(s)
		switch trimmed := strings.TrimSpace(s); {
		case IsSlug(trimmed):
			if role.Slug != trimmed || role.Label != strings.ReplaceAll(trimmed, "-", " ") {
				t.Fatalf("ParseRole(%q) = %+v, want the slug and its label", s, role)
			}
		default:
			if role.Slug != Slugify(trimmed) || role.Label != trimmed {
				t.Fatalf("ParseRole(%q) = %+v, want slug %q and the text as label", s, role, Slugify(trimmed))
			}
		}
		if utf8.ValidString(s) && !utf8.ValidString(role.Label) {
			t.Fatalf("ParseRole(%q) label %q is not UTF-8", s, role.Label)
		}
	})
}
