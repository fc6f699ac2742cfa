//! Throwaway databases at head for tests, cloned from a template.
