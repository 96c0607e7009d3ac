# The fields of the Candidate extension class (candidate.py), declared for the compiled modules that
# cimport it (issue 11): they read a typed candidate's fields in C, not through the type's
# attribute look-up. Kept in the order of the class's fields; every one a Python object.

cdef class Candidate:
    cdef public object sentence
    cdef public object clause
    cdef public object triggers
    cdef public object actor1
    cdef public object actor2
    cdef public object assoc1
    cdef public object assoc2
    cdef public object places
    cdef public object dates
    cdef public object casualties
    cdef public object weapons
    cdef public object background
    cdef public object inherited_place
    cdef public object intervention
    cdef public object sentences
    cdef public object inherited_date
    cdef public object inferred_actor1
    cdef public object log
    cdef public object retype
    cdef public object announced
    cdef public object separate_tolls
    cdef public object origin
    cdef public object target_country
    cdef public object answered
    cdef public object retort
