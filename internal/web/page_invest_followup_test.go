package web_test

import (
	"html"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/qiangxian/qiangxian/internal/web"
)

// TestFollowupPagesOnTheDemo: the follow-up list, a project of each status
// and the scheduling page of the demo read as text for people in both
// languages (the checks of TestPagesSpeakTheReader on pages with data), and
// 城关区's user sees only 城关区's projects.
func TestFollowupPagesOnTheDemo(t *testing.T) {
	d := newDemoSite(t)
	var list []struct {
		Project   struct{ ID, County string }
		StatusKey string `json:"status_key"`
	}
	d.as(t, "ana").do("GET", "/api/v1/invest/followup", nil).decode(t, &list)
	pages := []string{"/invest/followup", "/invest/schedule", "/monitor/problems"}
	seen := map[string]bool{}
	for _, p := range list {
		if !seen[p.StatusKey] {
			seen[p.StatusKey] = true
			pages = append(pages, "/invest/followup/"+p.Project.ID)
		}
	}
	if len(seen) != 3 {
		t.Errorf("statuses %v, want normal, warn and breach", seen)
	}
	var zhOnly []string
	for _, v := range web.UICatalogue() {
		if v[1] != "" && v[0] != v[1] && !strings.Contains(v[0], "%") && utf8.RuneCountInString(v[0]) >= 5 {
			zhOnly = append(zhOnly, v[0])
		}
	}
	idLike := regexp.MustCompile(`\d{4}-\d{6}-[0-9A-Z]{2}-\d{2}-\d{6}`) // 项目编号
	for _, user := range []string{"ana", "chengguan"} {
		for _, lang := range []string{"zh", "en"} {
			for _, p := range pages {
				r := d.as(t, user).do("GET", p+"?lang="+lang, nil)
				where := user + " " + lang + " " + p
				if r.status != 200 {
					if user == "chengguan" && strings.Count(p, "/") == 3 {
						continue // another county's project: not found
					}
					t.Fatalf("%s: status %d", where, r.status)
				}
				text := hexID.ReplaceAllString(html.UnescapeString(tagOrScript.ReplaceAllString(string(r.body), " ")), " ")
				if m := rawError.FindString(text); m != "" {
					t.Errorf("%s: a raw error on the page: %q", where, around(text, m))
				}
				for _, m := range catalogueKey.FindAllStringSubmatch(text, -1) {
					t.Errorf("%s: a message key instead of its text: %q", where, m[1])
				}
				if lang == "en" {
					for _, zh := range zhOnly {
						if strings.Contains(text, zh) {
							t.Errorf("%s: Chinese interface text in English: %q in %q", where, zh, around(text, zh))
						}
					}
				} else {
					for _, w := range latinWord.FindAllString(text, -1) {
						if !slices.Contains(allowedLatin, w) {
							t.Errorf("%s: an English word in Chinese: %q in %q", where, w, around(text, w))
							break
						}
					}
				}
				if user == "chengguan" && p == "/invest/followup" {
					for _, id := range idLike.FindAllString(string(r.body), -1) {
						if id[5:11] != "620102" {
							t.Errorf("城关区's user sees %s", id)
						}
					}
				}
			}
		}
	}
}
