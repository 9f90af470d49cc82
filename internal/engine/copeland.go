package engine

// copelandScores is COINr's a_copeland on the columns x with weights w:
// for every pair of units i < j (in data order), o = the share of the
// weight (normalised over all columns) of the columns where i is above j,
// plus half the share where they are equal; o(i, j) = o and o(j, i) = 1 − o.
// An entry above ½ counts +1, below ½ −1, exactly ½ 0, and a unit's score
// is the sum of its row. As in COINr, a column where either unit is NA
// counts for neither in o, so it ends up on the side of the later unit j
// through 1 − o; an all-NA unit therefore loses to the units before it and
// beats those after it. The comparison runs over every unit pair: O(n² k).
func copelandScores(out []float64, x [][]float64, w []float64) {
	var sw rsum
	for _, v := range w {
		sw.add(v)
	}
	wn := make([]float64, len(w))
	for j, v := range w {
		wn[j] = v / sw.value()
	}
	xi := make([]float64, len(x))
	for u := range out {
		out[u] = 0
	}
	for i := range out {
		for k, col := range x {
			xi[k] = col[i]
		}
		for j := i + 1; j < len(out); j++ {
			var gt, eq rsum
			for k, col := range x {
				a, b := xi[k], col[j]
				switch {
				case a > b:
					gt.add(wn[k])
				case a == b:
					eq.add(wn[k])
				}
			}
			var o rsum // R: sum(sum(w[gt]), sum(w[eq])/2)
			o.add(gt.value())
			o.add(eq.value() / 2)
			out[i] += outrankSign(o.value())
			out[j] += outrankSign(1 - o.value())
		}
	}
}

// outrankSign maps an outranking share to COINr's Copeland entry.
func outrankSign(o float64) float64 {
	switch {
	case o > 0.5:
		return 1
	case o < 0.5:
		return -1
	}
	return 0
}
