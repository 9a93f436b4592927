"""Evaluation against gold sets: scorers that compare warta's output with hand annotations.

Each scorer is a pure function of gold documents and a predict callable, so the same code
serves the pytest gates (pinned floors) and the bench/ scripts (comparisons with other tools).
"""
