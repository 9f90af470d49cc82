package gridmap

import (
	"math/rand/v2"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/qiangxian/qiangxian/internal/demo"
)

func gansu() []County {
	var cs []County
	for _, c := range demo.Counties() {
		cs = append(cs, County{Code: c.Code, Name: c.Name, Prefecture: c.PrefectureCode})
	}
	return cs
}

// TestBuildGansu checks the layout's promises on Gansu's 86 counties,
// with and without the anchors: one tile per county inside the grid, no
// two tiles on one cell, each prefecture's tiles connected edge to edge
// and inside its block, and no tile touching (even diagonally) a tile of
// another prefecture.
func TestBuildGansu(t *testing.T) {
	for _, tc := range []struct {
		name    string
		anchors map[string]Point
	}{{"anchored", GansuAnchors}, {"packed", nil}} {
		t.Run(tc.name, func(t *testing.T) {
			l := Build(gansu(), tc.anchors)
			if len(l.Tiles) != 86 {
				t.Fatalf("%d tiles, want 86", len(l.Tiles))
			}
			if len(l.Blocks) != 13 { // 嘉峪关市 has no county
				t.Errorf("%d blocks, want 13", len(l.Blocks))
			}
			at := map[[2]int]Tile{}
			codes := map[string]bool{}
			for _, x := range l.Tiles {
				if x.Col < 0 || x.Row < 0 || x.Col >= l.Cols || x.Row >= l.Rows {
					t.Errorf("%s at %d,%d is outside the %d×%d grid", x.Code, x.Col, x.Row, l.Cols, l.Rows)
				}
				if o, ok := at[[2]int{x.Col, x.Row}]; ok {
					t.Errorf("%s and %s share cell %d,%d", o.Code, x.Code, x.Col, x.Row)
				}
				at[[2]int{x.Col, x.Row}] = x
				if codes[x.Code] {
					t.Errorf("%s placed twice", x.Code)
				}
				codes[x.Code] = true
			}
			for _, x := range l.Tiles {
				for dc := -1; dc <= 1; dc++ {
					for dr := -1; dr <= 1; dr++ {
						if o, ok := at[[2]int{x.Col + dc, x.Row + dr}]; ok && o.Prefecture != x.Prefecture {
							t.Errorf("%s (%s) touches %s (%s)", x.Code, x.Prefecture, o.Code, o.Prefecture)
						}
					}
				}
			}
			for _, b := range l.Blocks {
				checkBlock(t, l, b, at)
			}
		})
	}
}

// checkBlock checks that the prefecture's tiles lie in its block and are
// connected through shared edges.
func checkBlock(t *testing.T, l Layout, b Block, at map[[2]int]Tile) {
	t.Helper()
	var mine []Tile
	for _, x := range l.Tiles {
		if x.Prefecture == b.Prefecture {
			mine = append(mine, x)
			if x.Col < b.Col || x.Col >= b.Col+b.Cols || x.Row < b.Row || x.Row >= b.Row+b.Rows {
				t.Errorf("%s lies outside the block of %s", x.Code, b.Prefecture)
			}
		}
	}
	if len(mine) != b.Size || len(mine) == 0 {
		t.Fatalf("prefecture %s: %d tiles, block size %d", b.Prefecture, len(mine), b.Size)
	}
	seen := map[string]bool{mine[0].Code: true}
	queue := []Tile{mine[0]}
	for len(queue) > 0 {
		x := queue[0]
		queue = queue[1:]
		for _, d := range [][2]int{{1, 0}, {-1, 0}, {0, 1}, {0, -1}} {
			o, ok := at[[2]int{x.Col + d[0], x.Row + d[1]}]
			if ok && o.Prefecture == b.Prefecture && !seen[o.Code] {
				seen[o.Code] = true
				queue = append(queue, o)
			}
		}
	}
	if len(seen) != len(mine) {
		t.Errorf("prefecture %s: only %d of its %d tiles are connected", b.Prefecture, len(seen), len(mine))
	}
}

// TestBuildAnchorsFollowed checks that the anchors arrange the blocks:
// 酒泉 (north-west) left of and above 陇南 (south), 庆阳 (east) rightmost.
func TestBuildAnchorsFollowed(t *testing.T) {
	l := Build(gansu(), GansuAnchors)
	pos := map[string]Block{}
	for _, b := range l.Blocks {
		pos[b.Prefecture] = b
	}
	jq, ln, qy := pos["620900"], pos["621200"], pos["621000"]
	if !(jq.Col < ln.Col && jq.Row < ln.Row) {
		t.Errorf("酒泉 at %d,%d is not north-west of 陇南 at %d,%d", jq.Col, jq.Row, ln.Col, ln.Row)
	}
	for _, b := range l.Blocks {
		if b.Col > qy.Col {
			t.Errorf("%s at column %d is east of 庆阳 at %d", b.Prefecture, b.Col, qy.Col)
		}
	}
}

// TestBuildDeterministic checks that the layout depends on the counties,
// not on their order.
func TestBuildDeterministic(t *testing.T) {
	cs := gansu()
	want := Build(cs, GansuAnchors)
	r := rand.New(rand.NewPCG(1, 2))
	r.Shuffle(len(cs), func(i, j int) { cs[i], cs[j] = cs[j], cs[i] })
	sortTiles := cmp.Transformer("byCode", func(ts []Tile) map[string]Tile {
		m := map[string]Tile{}
		for _, x := range ts {
			m[x.Code] = x
		}
		return m
	})
	if diff := cmp.Diff(want, Build(cs, GansuAnchors), sortTiles); diff != "" {
		t.Errorf("shuffled input changed the layout (-want +got):\n%s", diff)
	}
}

func TestBuildSmall(t *testing.T) {
	tests := []struct {
		name       string
		counties   []County
		cols, rows int
	}{
		{"none", nil, 0, 0},
		{"one", []County{{Code: "110101", Prefecture: "110100"}}, 1, 1},
		{"two prefectures", []County{{Code: "110101", Prefecture: "110100"}, {Code: "120101", Prefecture: "120100"},
			{Code: "120102", Prefecture: "120100"}}, 2, 3}, // rows of width ⌈√(3×2.2)⌉ = 3
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			l := Build(tc.counties, nil)
			if len(l.Tiles) != len(tc.counties) || l.Cols != tc.cols || l.Rows != tc.rows {
				t.Errorf("got %d tiles in %d×%d, want %d in %d×%d", len(l.Tiles), l.Cols, l.Rows,
					len(tc.counties), tc.cols, tc.rows)
			}
		})
	}
}
