// Package gridmap lays out a tile map: one square tile per county, the
// counties of a prefecture together in a compact block, the blocks placed
// near where their prefectures lie. It stands in for a boundary map, which
// the product cannot ship (maps published in China need an approval
// number, 审图号): the layout needs only the division codes and the
// prefecture each county belongs to, and optionally a rough position per
// prefecture (Anchors) to arrange the blocks like the province.
//
// The package is pure: counties in, positions out.
package gridmap

import (
	"cmp"
	"math"
	"slices"
)

// County is a county-level unit to place: its 6-digit division code, its
// name and the code of its prefecture.
type County struct {
	Code       string
	Name       string
	Prefecture string
}

// Tile is a county and its cell: Col from the left, Row from the top.
type Tile struct {
	County
	Col, Row int
}

// Block is the rectangle a prefecture's tiles occupy.
type Block struct {
	Prefecture       string
	Col, Row         int // top left
	Cols, Rows, Size int // Size is the number of tiles, at most Cols×Rows
}

// Layout is a laid-out map: every county's tile, every prefecture's block,
// and the size of the whole grid. Blocks are one empty cell apart, so that
// prefectures read as groups.
type Layout struct {
	Tiles      []Tile
	Blocks     []Block
	Cols, Rows int
}

// Point is where a prefecture's block should be centred, in grid cells:
// X columns from the left, Y rows from the top.
type Point struct{ X, Y float64 }

// Build lays out counties. A prefecture's counties fill its block row by
// row in code order, each row but the last full, so the block's tiles
// touch edge to edge. With an anchor for every prefecture the blocks are
// placed greedily, biggest first, at the free spot nearest to the anchor;
// otherwise they are packed in rows in code order.
// The result depends only on the input.
func Build(counties []County, anchors map[string]Point) Layout {
	groups := map[string][]County{}
	for _, c := range counties {
		groups[c.Prefecture] = append(groups[c.Prefecture], c)
	}
	prefs := make([]string, 0, len(groups))
	for p, cs := range groups {
		prefs = append(prefs, p)
		slices.SortFunc(cs, func(a, b County) int { return cmp.Compare(a.Code, b.Code) })
	}
	slices.Sort(prefs)
	blocks := make([]Block, len(prefs))
	for i, p := range prefs {
		n := len(groups[p])
		w := int(math.Ceil(math.Sqrt(float64(n))))
		blocks[i] = Block{Prefecture: p, Cols: w, Rows: (n + w - 1) / w, Size: n}
	}
	if hasAll(anchors, prefs) {
		placeNear(blocks, anchors, len(counties))
	} else {
		packRows(blocks, len(counties))
	}
	l := Layout{Blocks: blocks}
	normalise(&l)
	for _, b := range l.Blocks {
		for k, c := range groups[b.Prefecture] {
			l.Tiles = append(l.Tiles, Tile{County: c, Col: b.Col + k%b.Cols, Row: b.Row + k/b.Cols})
		}
	}
	return l
}

func hasAll(anchors map[string]Point, prefs []string) bool {
	for _, p := range prefs {
		if _, ok := anchors[p]; !ok {
			return false
		}
	}
	return len(prefs) > 0
}

// packRows places blocks left to right in rows about as wide as a square
// holding all tiles and their gaps.
func packRows(blocks []Block, n int) {
	width := int(math.Ceil(math.Sqrt(float64(n) * 2.2)))
	col, row, rowHeight := 0, 0, 0
	for i := range blocks {
		b := &blocks[i]
		if col > 0 && col+b.Cols > width {
			col, row, rowHeight = 0, row+rowHeight+1, 0
		}
		b.Col, b.Row = col, row
		col += b.Cols + 1
		rowHeight = max(rowHeight, b.Rows)
	}
}

// placeNear puts each block, biggest first, at the free position whose
// centre is nearest to its anchor. Free means at least one empty cell away
// from every block already placed.
func placeNear(blocks []Block, anchors map[string]Point, n int) {
	order := make([]int, len(blocks))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(i, j int) int { return cmp.Compare(blocks[j].Size, blocks[i].Size) })
	reach := int(math.Sqrt(float64(n)*4)) + 8 // far enough to find room around any anchor
	var placed []Block
	for _, i := range order {
		b := &blocks[i]
		t := anchors[b.Prefecture]
		cx, cy := int(math.Round(t.X-float64(b.Cols)/2)), int(math.Round(t.Y-float64(b.Rows)/2))
		best, bestD := [2]int{cx, cy}, math.Inf(1)
		for row := cy - reach; row <= cy+reach; row++ {
			for col := cx - reach; col <= cx+reach; col++ {
				dx := float64(col) + float64(b.Cols)/2 - t.X
				dy := float64(row) + float64(b.Rows)/2 - t.Y
				if d := dx*dx + dy*dy; d < bestD && free(placed, col, row, b.Cols, b.Rows) {
					best, bestD = [2]int{col, row}, d
				}
			}
		}
		b.Col, b.Row = best[0], best[1]
		placed = append(placed, *b)
	}
}

// free reports whether a cols×rows block at col,row keeps one empty cell
// between itself and every placed block.
func free(placed []Block, col, row, cols, rows int) bool {
	for _, p := range placed {
		if col <= p.Col+p.Cols && p.Col <= col+cols && row <= p.Row+p.Rows && p.Row <= row+rows {
			return false
		}
	}
	return true
}

// normalise shifts the blocks so that the grid starts at 0,0 and sets its size.
func normalise(l *Layout) {
	if len(l.Blocks) == 0 {
		return
	}
	minC, minR := math.MaxInt, math.MaxInt
	for _, b := range l.Blocks {
		minC, minR = min(minC, b.Col), min(minR, b.Row)
	}
	for i := range l.Blocks {
		b := &l.Blocks[i]
		b.Col -= minC
		b.Row -= minR
		l.Cols, l.Rows = max(l.Cols, b.Col+b.Cols), max(l.Rows, b.Row+b.Rows)
	}
}
