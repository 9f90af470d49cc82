package engine

import (
	"math"
	"slices"
	"sort"

	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/gonum/mathext"
)

// regIncBeta is the regularised incomplete beta function I_x(a, b).
func regIncBeta(a, b, x float64) float64 { return mathext.RegIncBeta(a, b, x) }

// PCAResult is a principal component analysis of some columns, as COINr's
// get_PCA (R's prcomp with center and scale on the rows without NA).
type PCAResult struct {
	Group string   // the aggregate whose members were analysed ("" for all)
	Codes []string // the columns, in order
	N     int      // rows used (units with every column present)
	// Variance holds the components' variances (the eigenvalues of the
	// correlation matrix, prcomp's sdev²), largest first; Explained their
	// shares of the total.
	Variance, Explained []float64
	// Loadings[k] are the loadings of component k (an eigenvector, unit
	// length) over Codes. A component's sign is arbitrary; it is fixed here
	// so that its loadings sum to a positive number.
	Loadings [][]float64
	// Weights are the loadings of the first component: COINr's "PCA
	// weights".
	Weights []float64
}

// PCA analyses the columns codes of d over the units where all are
// present. It needs at least two such units and two columns; a constant
// column makes the correlation matrix undefined (ErrBadParameter).
func PCA(d *Dataset, codes []string) (*PCAResult, error) {
	k := len(codes)
	cols := make([][]float64, k)
	for i, c := range codes {
		if cols[i] = d.Col(c); cols[i] == nil {
			return nil, &Error{Kind: ErrUnknownNode, Node: c, Detail: "not in the data set"}
		}
	}
	var rows []int
	for u := range d.Units {
		if !slices.ContainsFunc(cols, func(x []float64) bool { return IsNA(x[u]) }) {
			rows = append(rows, u)
		}
	}
	if k < 2 || len(rows) < 2 {
		return nil, &Error{Kind: ErrBadParameter, Detail: "PCA needs two columns and two complete rows"}
	}
	z := make([][]float64, k) // standardised complete rows
	for i, x := range cols {
		v := make([]float64, len(rows))
		for r, u := range rows {
			v[r] = x[u]
		}
		m, s := Mean(v), SD(v)
		if s == 0 || IsNA(s) {
			return nil, &Error{Kind: ErrBadParameter, Node: codes[i], Detail: "constant column: no PCA"}
		}
		for r := range v {
			v[r] = (v[r] - m) / s
		}
		z[i] = v
	}
	corr := mat.NewSymDense(k, nil)
	n1 := float64(len(rows) - 1)
	for i := range k {
		for j := i; j < k; j++ {
			var s float64
			for r := range rows {
				s += z[i][r] * z[j][r]
			}
			corr.SetSym(i, j, s/n1)
		}
	}
	var eig mat.EigenSym
	if !eig.Factorize(corr, true) {
		return nil, &Error{Kind: ErrBadParameter, Detail: "PCA: eigen decomposition failed"}
	}
	vals := eig.Values(nil)
	var vecs mat.Dense
	eig.VectorsTo(&vecs)
	order := make([]int, k)
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return vals[order[a]] > vals[order[b]] })
	res := &PCAResult{Codes: slices.Clone(codes), N: len(rows)}
	var total float64
	for _, v := range vals {
		total += v
	}
	for _, o := range order {
		load := make([]float64, k)
		var sum float64
		for i := range k {
			load[i] = vecs.At(i, o)
			sum += load[i]
		}
		if sum < 0 {
			for i := range load {
				load[i] = -load[i]
			}
		}
		v := math.Max(vals[o], 0) // rounding can leave a null eigenvalue a hair below 0
		res.Variance = append(res.Variance, v)
		res.Explained = append(res.Explained, v/total)
		res.Loadings = append(res.Loadings, load)
	}
	res.Weights = res.Loadings[0]
	return res, nil
}

// PCAByGroup runs PCA within every aggregate of t at level+1 over its
// children at level that are columns of d (COINr's by_groups = TRUE);
// groups where PCA is not possible are skipped and their errors returned
// alongside.
func PCAByGroup(d *Dataset, t *Tree, level int) ([]*PCAResult, []error) {
	var out []*PCAResult
	var errs []error
	for _, n := range t.Nodes {
		if n.Level != level+1 {
			continue
		}
		var codes []string
		for _, c := range t.Children[t.Index(n.Code)] {
			if d.ColIndex(t.Nodes[c].Code) >= 0 {
				codes = append(codes, t.Nodes[c].Code)
			}
		}
		if len(codes) < 2 {
			continue
		}
		r, err := PCA(d, codes)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		r.Group = n.Code
		out = append(out, r)
	}
	return out, errs
}
