package cli

import (
	"errors"

	"github.com/qiangxian/qiangxian/internal/table"
)

// problems gathers the located problems of several input files, so that a
// command reports all of them together before it stops.
type problems struct{ errs table.Errors }

// add keeps err's located problems and returns nil, or returns any other
// error (a file that cannot be opened) for the command to stop at once.
func (p *problems) add(err error) error {
	var es table.Errors
	var e *table.Error
	switch {
	case err == nil:
	case errors.As(err, &es):
		p.errs = append(p.errs, es...)
	case errors.As(err, &e):
		p.errs = append(p.errs, e)
	default:
		return err
	}
	return nil
}

// err returns the problems gathered, or nil.
func (p *problems) err() error { return p.errs.Err() }
