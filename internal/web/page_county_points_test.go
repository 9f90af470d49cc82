package web_test

import (
	"fmt"
	"math"
	"net/http"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/store"
)

// TestCountyPointsVisibility: the gap block of 凉州区's profile (2022, the
// full table public) is shown to 凉州区's own user and to the provincial
// office, not to the public, a viewer, another county or a department.
func TestCountyPointsVisibility(t *testing.T) {
	d := newDemoSite(t)
	for _, tt := range []struct {
		user string
		see  bool
	}{
		{"", false}, {"viewer", false}, {"chengguan", false}, {"tjj", false},
		{"liangzhou", true}, {"ana", true},
	} {
		t.Run("user="+tt.user, func(t *testing.T) {
			r := d.as(t, tt.user).do("GET", "/counties/620602", nil)
			if r.status != http.StatusOK {
				t.Fatalf("GET /counties/620602: %d", r.status)
			}
			body := string(r.body)
			if got := strings.Contains(body, `id="gap"`); got != tt.see {
				t.Errorf("gap block shown: %v, want %v", got, tt.see)
			}
			if tt.see && !strings.Contains(body, `class="pts-line"`) {
				t.Error("the gap block has no points line")
			}
		})
	}
}

var (
	nextLine  = regexp.MustCompile(`距上一名次（第 (\d+) 名）差 ([0-9.]+) 分`)
	worthRow  = regexp.MustCompile(`<tr class="worth" data-points="([^"]+)" data-recoverable="([^"]+)">`)
	typeCount = regexp.MustCompile(`共 (\d+) 个`)
	peerCell  = regexp.MustCompile(`<td class="n">\d+/(\d+)</td>`)
)

// TestCountyPointsFigures checks the gap block of 凉州区 against the
// published 2022 table, by hand: the points to the next place are the
// score of the unit at the next place up less 凉州区's own; the inputs
// are listed most recoverable points first, each with points to gain; and
// every peer count in the indicator table is the type card's count.
func TestCountyPointsFigures(t *testing.T) {
	d := newDemoSite(t)
	runs, err := d.db.Runs(ctx, store.RunFilter{State: auth.StatePublished})
	must(t, err)
	var run store.Run
	for _, r := range runs {
		if r.Period == "2022" {
			run = r
		}
	}
	rows, err := d.db.Results(ctx, run.ID, store.ResultFilter{})
	must(t, err)
	// The overall rows: the top node without a group.
	score := map[string]float64{}
	rank := map[string]float64{}
	top := 0
	for _, x := range rows {
		top = max(top, x.Level)
	}
	for _, x := range rows {
		if x.Group == "" && x.Level == top {
			score[x.Unit], rank[x.Unit] = x.Score, x.Rank
		}
	}
	const unit = "620602"
	r := d.as(t, "liangzhou").do("GET", fmt.Sprintf("/counties/%s?run=%d", unit, run.ID), nil)
	if r.status != http.StatusOK {
		t.Fatalf("profile: %d", r.status)
	}
	body := string(r.body)
	if rank[unit] > 1 {
		m := nextLine.FindStringSubmatch(body)
		if m == nil {
			t.Fatalf("no points to the next place (rank %v)", rank[unit])
		}
		// By hand: the lowest score above 凉州区's, less its own.
		next := math.Inf(1)
		for u, s := range score {
			if u != unit && s > score[unit] && s < next {
				next = s
			}
		}
		got, err := strconv.ParseFloat(m[2], 64)
		must(t, err)
		if want := next - score[unit]; math.Abs(got-want) > 0.005 {
			t.Errorf("points to the next place: %v, want %.4f − %.4f = %.4f", got, next, score[unit], want)
		}
	}
	var rec []float64
	for _, m := range worthRow.FindAllStringSubmatch(body, -1) {
		v, err := strconv.ParseFloat(m[2], 64)
		must(t, err)
		if !(v > 0) {
			t.Errorf("an input listed with %v points recoverable", v)
		}
		rec = append(rec, v)
	}
	if len(rec) == 0 {
		t.Error("no input listed with its worth")
	}
	if !slices.IsSortedFunc(rec, func(a, b float64) int { return -compareFloat(a, b) }) {
		t.Errorf("inputs not sorted by recoverable points: %v", rec)
	}
	card := typeCount.FindStringSubmatch(body)
	if card == nil {
		t.Fatal("no type count on the card")
	}
	peers := peerCell.FindAllStringSubmatch(body, -1)
	if len(peers) == 0 {
		t.Fatal("no peer ranks in the indicator table")
	}
	for _, p := range peers {
		if p[1] != card[1] {
			t.Errorf("the indicator table counts %s peers, the type card %s", p[1], card[1])
		}
	}
}

func compareFloat(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}
